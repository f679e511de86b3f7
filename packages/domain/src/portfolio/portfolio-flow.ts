import {
  STUCK_FLOW_WINDOW_DAYS,
  type StuckFlow,
  type StuckFlowStage,
  stuckFlow,
} from "../insights/stuck-flow";
import { waitsLonger } from "../insights/where-work-waits";
import type { MetricWindow } from "../metric-window";
import { type ThroughputBucket, throughput } from "../throughput";
import type { BoardFlowPart } from "../two-one-one-tiles";
import { TREND_WEEKS } from "../two-one-one-tiles";
import { DAY, type EpochMs, epochMs, WEEK } from "../units";

/** A team board's part of a portfolio, named so results can say which team. */
export interface TeamFlowPart extends BoardFlowPart {
  boardId: string;
}

/** The span a portfolio's trends and weekly throughput cover: the 12 weeks that end at the window's `to`. */
export function trendSpan(window: MetricWindow): MetricWindow {
  return { from: epochMs(window.to - TREND_WEEKS * WEEK), to: window.to };
}

export interface PortfolioThroughput {
  /** Every team's deliveries added up, week by week. */
  organisation: ThroughputBucket[];
  /** Each team's own weeks, in the order of the parts given. */
  teams: { boardId: string; weeks: ThroughputBucket[] }[];
}

/**
 * Deliveries per week for each team board and for the organisation, over
 * the 12 weeks that end at the window's `to`: each team's weeks are the
 * board throughput (`throughput`, Monday to Monday UTC, the first and last
 * week cut by the span) read against that board's stages; the
 * organisation's week is the sum of the teams' (counts add up, unlike
 * percentiles).
 *
 * Example: `to` Wednesday 2026-06-10 00:00; Payments delivers on Tuesday
 * 06-02 and Thursday 06-04, Mobile on Monday 06-08. The span starts
 * Wednesday 03-18, so there are 13 weeks; the week of Monday 06-01 counts
 * Payments 2, Mobile 0, organisation 2; the last (06-08 to 06-10) counts
 * Payments 0, Mobile 1, organisation 1.
 */
export function portfolioThroughput(
  parts: readonly TeamFlowPart[],
  window: MetricWindow,
): PortfolioThroughput {
  const span = trendSpan(window);
  const teams = parts.map((part) => ({
    boardId: part.boardId,
    weeks: throughput(part.demands, part.stages, { window: span, period: "week" }),
  }));
  const organisation = throughput([], [], { window: span, period: "week" });
  for (const team of teams) {
    team.weeks.forEach((week, index) => {
      const total = organisation[index];
      if (total !== undefined) total.count += week.count;
    });
  }
  return { organisation, teams };
}

export interface PortfolioConstraint {
  /** The two weeks read: [now - 14 days, now). */
  from: EpochMs;
  to: EpochMs;
  /** Each team board's stuck-flow insight as of `now`, in the order of the parts given. */
  teams: { boardId: string; stuck: StuckFlow }[];
  /** Where work waits longest across every team board, or null when no committed work moved. */
  constraint: { boardId: string; stage: StuckFlowStage } | null;
}

/**
 * Which team's stage is the portfolio's constraint: the board insight's
 * longest-wait rule (`stuckFlow` on each team board, then `waitsLonger`:
 * the highest p85 time in stage, the median breaking a tie) applied to every
 * committed stage of every team board, over the same two weeks up to `now`.
 * Each team's time is measured on its own board's time basis. An exact tie
 * between teams goes to the team given first.
 *
 * Example: Payments' Testing holds demands for 2, 3 and 9 days (p85 9 d),
 * Mobile's Development for 4 and 8 days (p85 8 d): the constraint is
 * Payments' Testing, with its arrivals and departures as the evidence.
 */
export function portfolioConstraint(parts: readonly TeamFlowPart[], now: EpochMs): PortfolioConstraint {
  const teams = parts.map((part) => ({
    boardId: part.boardId,
    stuck: stuckFlow(part.demands, part.stages, now, { timeBasis: part.timeBasis }),
  }));
  let constraint: PortfolioConstraint["constraint"] = null;
  for (const { boardId, stuck } of teams) {
    const longest = stuck.stages.find((stage) => stage.stageId === stuck.longestWait);
    if (longest !== undefined && waitsLonger(longest, constraint?.stage ?? null)) {
      constraint = { boardId, stage: longest };
    }
  }
  return { from: epochMs(now - STUCK_FLOW_WINDOW_DAYS * DAY), to: now, teams, constraint };
}
