import type { TBoard } from "@tideway/contracts";
import type { Client } from "./session";

let boards = 0;

/** A fresh "2-1-1" board owned (admin) by `client`. */
export async function createBoard(client: Client, name = "Test board"): Promise<TBoard> {
  boards += 1;
  const key = `T${boards}${Math.random().toString(36).slice(2, 6).toUpperCase()}`.slice(0, 10);
  const response = await client.request({ method: "POST", url: "/api/boards", payload: { name, key } });
  if (response.statusCode !== 201) throw new Error(`board create failed: ${response.body}`);
  return response.json() as TBoard;
}

export function stageNamed(board: TBoard, name: string) {
  const stage = board.stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no stage ${name}`);
  return stage;
}

export function laneNamed(board: TBoard, name: string) {
  const lane = board.lanes.find((l) => l.name === name);
  if (!lane) throw new Error(`no lane ${name}`);
  return lane;
}
