import type { TBoard, TDemand, TDemandChange } from "@tideway/contracts";
import { expect } from "vitest";
import type { Client } from "./session";

/**
 * Creates a demand on `board` through the API as `client` (so it gets its
 * number, rank, log entry and event like a user's) and expects 201.
 * `fields` go into the request body over a default title.
 */
export async function addDemand(
  client: Client,
  board: Pick<TBoard, "id">,
  fields: Record<string, unknown> = {},
): Promise<TDemand> {
  const response = await client.request({
    method: "POST",
    url: `/api/boards/${board.id}/demands`,
    payload: { title: "Some demand", ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as TDemandChange).demand;
}
