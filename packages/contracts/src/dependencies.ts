import { z } from "zod";
import { ZDependency, ZId } from "./board";

/** Dependencies between demands, on this board or any other the caller can see (issue 18). */

export const ZAddDependencyBody = z.object({
  dependsOnId: ZId.describe("The demand to wait on: on this board or another board you are on"),
});
export type TAddDependencyBody = z.infer<typeof ZAddDependencyBody>;

export const ZDependencyParams = z.object({ id: ZId, dependsOnId: ZId });

export const ZDependencyList = z.object({
  dependencies: z.array(ZDependency).describe("What the demand waits on, oldest first"),
});
export type TDependencyList = z.infer<typeof ZDependencyList>;

export const ZDependencyChange = ZDependencyList.extend({
  seq: z.number().int().describe("The board's sequence number after the change"),
});
export type TDependencyChange = z.infer<typeof ZDependencyChange>;
