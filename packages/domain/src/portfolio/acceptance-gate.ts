import type { StageOrder } from "../stage-order";

/**
 * The acceptance gate of a business demand: it may not enter the stage at
 * this rank, or any later one, while one of its product demands on the team
 * boards is undelivered. The gate is the development-end boundary of the
 * business board (Acceptance, right after "In delivery"), else its delivery
 * boundary; null on a board with neither.
 *
 * Example: Selection(0) Analysis(1) In delivery(2) Acceptance(3,
 * development_end) Released(4): the gate is rank 3.
 */
export function acceptanceGateRank(order: StageOrder): number | null {
  return order.developmentEnd ?? order.delivered;
}

/**
 * Whether moving from the stage at `fromRank` to the one at `toRank` passes
 * the gate forwards; moving back, or within the stages past it, does not.
 */
export function passesAcceptanceGate(order: StageOrder, fromRank: number, toRank: number): boolean {
  const gate = acceptanceGateRank(order);
  return gate !== null && fromRank < gate && toRank >= gate;
}

/** "2 of its 3 product demands are not delivered yet (Payments: 1, Mobile: 1)." */
export function undeliveredChildrenMessage(
  undeliveredByTeam: readonly { teamName: string; undelivered: number }[],
  total: number,
): string {
  const undelivered = undeliveredByTeam.reduce((sum, team) => sum + team.undelivered, 0);
  const teams = undeliveredByTeam.map((team) => `${team.teamName}: ${team.undelivered}`).join(", ");
  return (
    `${undelivered} of its ${total} product demands ${undelivered === 1 ? "is" : "are"} not delivered yet ` +
    `(${teams}). A member may pass the gate by giving a reason.`
  );
}
