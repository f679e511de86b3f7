import { describe, expect, it } from "vitest";
import { boundaryTimes } from "./boundary-times";
import { BOARD, day, demand } from "./flow-fixture";
import { orderStages } from "./stage-order";
import type { EpochMs } from "./units";

const order = orderStages(BOARD);
const timesOf = (steps: Parameters<typeof demand>[1], asOf?: EpochMs) =>
  boundaryTimes(demand("d", steps).events, order, asOf);

describe("boundaryTimes", () => {
  it("records each boundary as the demand enters its stage", () => {
    expect(
      timesOf([
        [day(0), "selection"],
        [day(1), "design"],
        [day(2), "development"],
        [day(4), "testing"],
        [day(5), "release"],
        [day(6), "done"],
      ]),
    ).toEqual({
      committedAt: day(1),
      developmentStartedAt: day(2),
      developmentEndedAt: day(5),
      deliveredAt: day(6),
      rank: 5,
      archived: false,
      blocked: false,
    });
  });

  it("takes the first entry into start boundaries and the last entry into end boundaries", () => {
    const times = timesOf([
      [day(0), "selection"],
      [day(1), "design"],
      [day(2), "selection"],
      [day(3), "design"],
      [day(4), "development"],
      [day(5), "release"],
      [day(6), "done"],
      [day(7), "testing"],
      [day(8), "release"],
      [day(9), "done"],
    ]);
    expect(times).toMatchObject({
      committedAt: day(1),
      developmentStartedAt: day(4),
      developmentEndedAt: day(8),
      deliveredAt: day(9),
    });
  });

  it("counts skipping a boundary stage as passing it", () => {
    const times = timesOf([
      [day(0), "selection"],
      [day(1), "testing"],
      [day(3), "done"],
    ]);
    expect(times).toMatchObject({
      committedAt: day(1),
      developmentStartedAt: day(1),
      developmentEndedAt: day(3),
      deliveredAt: day(3),
    });
  });

  it("has no end while a demand sent back has not re-finished", () => {
    const times = timesOf([
      [day(0), "design"],
      [day(1), "development"],
      [day(2), "release"],
      [day(3), "done"],
      [day(4), "development"],
    ]);
    expect(times).toMatchObject({
      committedAt: day(0),
      developmentStartedAt: day(1),
      developmentEndedAt: null,
      deliveredAt: null,
      rank: 2,
    });
  });

  it("keeps the development end of a demand sent back from Done only to Release", () => {
    const times = timesOf([
      [day(0), "development"],
      [day(2), "release"],
      [day(3), "done"],
      [day(4), "release"],
    ]);
    expect(times).toMatchObject({ developmentEndedAt: day(2), deliveredAt: null });
  });

  it("has only the boundaries reached by a demand never finished", () => {
    expect(
      timesOf([
        [day(0), "selection"],
        [day(1), "design"],
      ]),
    ).toMatchObject({
      committedAt: day(1),
      developmentStartedAt: null,
      developmentEndedAt: null,
      deliveredAt: null,
    });
  });

  it("passes every boundary at once for a demand created in Done", () => {
    expect(timesOf([[day(2), "done"]])).toMatchObject({
      committedAt: day(2),
      developmentStartedAt: day(2),
      developmentEndedAt: day(2),
      deliveredAt: day(2),
    });
  });

  it("tracks blocked and archived, and ignores events after asOf", () => {
    const steps: Parameters<typeof demand>[1] = [
      [day(0), "design"],
      [day(1), "blocked"],
      [day(2), "archived"],
      [day(3), "restored"],
      [day(3), "unblocked"],
      [day(4), "done"],
    ];
    expect(timesOf(steps, day(2))).toMatchObject({
      blocked: true,
      archived: true,
      rank: 1,
      deliveredAt: null,
    });
    expect(timesOf(steps)).toMatchObject({ blocked: false, archived: false, rank: 5, deliveredAt: day(4) });
  });

  it("ignores moves into stages the board does not have", () => {
    const times = timesOf([
      [day(0), "design"],
      [day(1), "deleted-stage"],
      [day(2), "done"],
    ]);
    expect(times).toMatchObject({ committedAt: day(0), deliveredAt: day(2), rank: 5 });
  });
});

describe("boundaryTimes of a demand imported mid-flow", () => {
  // A CSV import logs a demand already in Testing as created with Testing as its from stage.
  const imported = (later: [EpochMs, string][]) =>
    boundaryTimes(
      [
        { at: day(0), kind: "created", fromStageId: "testing", toStageId: "testing" },
        ...later.map(([at, stage], index) => ({
          at,
          kind: "moved" as const,
          fromStageId: index === 0 ? "testing" : (later[index - 1]?.[1] ?? null),
          toStageId: stage,
        })),
      ],
      order,
    );

  it("passes no start boundary at the import, so it gets no cycle time that starts there", () => {
    const times = imported([
      [day(2), "release"],
      [day(3), "done"],
    ]);
    expect(times).toMatchObject({ committedAt: null, developmentStartedAt: null, rank: 5 });
    // What happened on this board is still measured: Release at day 2, Done at day 3.
    expect(times.developmentEndedAt).toBe(day(2));
    expect(times.deliveredAt).toBe(day(3));
  });

  it("is not delivered by being imported into Done", () => {
    const times = boundaryTimes(
      [{ at: day(0), kind: "created", fromStageId: "done", toStageId: "done" }],
      order,
    );
    expect(times).toMatchObject({ committedAt: null, deliveredAt: null, rank: 5 });
  });
});
