import { ZTransitionKind } from "@tideway/contracts";
import { epochMs, type FlowEvent } from "@tideway/domain";
import { type LoggedDemand, sortEvents } from "./board-history";

const ZERO = 48;
const NINE = 57;
const UUID_LENGTH = 36;
/** Each kind starts with another letter, so most are recognised without making a string. */
const KINDS: readonly FlowEvent["kind"][] = ZTransitionKind.options;
const KIND_BY_INITIAL = new Map(KINDS.map((kind, index) => [kind.charCodeAt(0), index]));
const KIND_FIELDS = KINDS.map((kind) => `${kind},`);
/** A line is at least this long, so text length / this bounds the number of lines. */
const SHORTEST_LINE = 24;

/**
 * The transition log as the full read receives it: text chunks of lines
 * `id,demandNumber,kind,from,to,at` (stages as their 1-based position in the
 * board's stage list, or a stage id it no longer lists; `from` empty for a
 * creation; `at` in epoch ms).
 *
 * The lines are decoded in place into columns, then turned into event
 * objects one demand after another. The order of allocation matters: the
 * metric functions walk every demand's events, and with each demand's
 * events side by side in memory a pass over a million of them takes about
 * 40 ms; allocated in log order (scattered across demands) it took 250 ms.
 */
export class TransitionColumns {
  length = 0;
  maxId = 0;
  private ids: Float64Array;
  private numbers: Int32Array;
  private kinds: Uint8Array;
  private from: Int32Array;
  private to: Int32Array;
  private at: Float64Array;
  private readonly kindNames: FlowEvent["kind"][] = [...KINDS];
  private readonly stageNames: string[];

  constructor(chunks: readonly string[], stageIds: readonly string[]) {
    const capacity = Math.ceil(chunks.reduce((sum, chunk) => sum + chunk.length, 0) / SHORTEST_LINE) + 1;
    this.ids = new Float64Array(capacity);
    this.numbers = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.at = new Float64Array(capacity);
    this.stageNames = [...stageIds];
    for (const chunk of chunks) this.read(chunk);
  }

  /**
   * Appends every transition to its demand's events (`byNumber`: demands by
   * their number), demand after demand, each in log order.
   */
  appendTo(byNumber: readonly (LoggedDemand | undefined)[]): void {
    const demandSlots = byNumber.length;
    // A counting sort by demand number: `starts[n]` is where demand n's rows begin in `order`.
    const starts = new Int32Array(demandSlots + 1);
    for (let row = 0; row < this.length; row++) {
      const number = this.numbers[row] ?? 0;
      if (number < demandSlots) starts[number + 1] = (starts[number + 1] ?? 0) + 1;
    }
    for (let number = 0; number < demandSlots; number++) {
      starts[number + 1] = (starts[number + 1] ?? 0) + (starts[number] ?? 0);
    }
    const order = new Int32Array(this.length);
    const next = starts.slice(0, demandSlots);
    for (let row = 0; row < this.length; row++) {
      const number = this.numbers[row] ?? 0;
      if (number >= demandSlots) continue;
      const slot = next[number] ?? 0;
      order[slot] = row;
      next[number] = slot + 1;
    }
    for (let number = 0; number < demandSlots; number++) {
      const demand = byNumber[number];
      if (!demand) continue;
      const end = starts[number + 1] ?? 0;
      for (let slot = starts[number] ?? 0; slot < end; slot++) {
        const row = order[slot] ?? 0;
        const from = this.from[row] ?? -1;
        demand.events.push({
          id: this.ids[row] ?? 0,
          at: epochMs(this.at[row] ?? 0),
          kind: this.kindNames[this.kinds[row] ?? 0] ?? "moved",
          fromStageId: from < 0 ? null : (this.stageNames[from] ?? null),
          toStageId: this.stageNames[this.to[row] ?? 0] ?? "",
        });
      }
      sortEvents(demand.events);
    }
  }

  private read(chunk: string): void {
    let pos = 0;
    const integer = (): number => {
      let value = 0;
      for (let code = chunk.charCodeAt(pos); code >= ZERO && code <= NINE; code = chunk.charCodeAt(++pos)) {
        value = value * 10 + (code - ZERO);
      }
      pos++; // the separator
      return value;
    };
    const field = (): string => {
      let end = chunk.indexOf(",", pos);
      if (end === -1) end = chunk.length;
      const text = chunk.slice(pos, end);
      pos = end + 1;
      return text;
    };
    const kind = (): number => {
      const index = KIND_BY_INITIAL.get(chunk.charCodeAt(pos));
      const known = index === undefined ? undefined : KIND_FIELDS[index];
      if (index !== undefined && known && chunk.startsWith(known, pos)) {
        pos += known.length;
        return index;
      }
      return intern(this.kindNames, field() as FlowEvent["kind"]);
    };
    /** A stage's index in `stageNames`, -1 for none. */
    const stage = (): number => {
      const code = chunk.charCodeAt(pos);
      if (code === 44) {
        pos++;
        return -1;
      }
      const end = chunk.indexOf(",", pos);
      if (end - pos < UUID_LENGTH) return integer() - 1;
      return intern(this.stageNames, field());
    };
    while (pos < chunk.length) {
      if (this.length === this.ids.length) this.grow();
      const row = this.length++;
      const id = integer();
      if (id > this.maxId) this.maxId = id;
      this.ids[row] = id;
      this.numbers[row] = integer();
      this.kinds[row] = kind();
      this.from[row] = stage();
      this.to[row] = stage();
      this.at[row] = integer();
    }
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const copy = make(size);
      copy.set(array);
      return copy;
    };
    this.ids = grown(this.ids, (n) => new Float64Array(n));
    this.numbers = grown(this.numbers, (n) => new Int32Array(n));
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n));
    this.from = grown(this.from, (n) => new Int32Array(n));
    this.to = grown(this.to, (n) => new Int32Array(n));
    this.at = grown(this.at, (n) => new Float64Array(n));
  }
}

function intern<T extends string>(names: T[], name: T): number {
  const index = names.indexOf(name);
  if (index >= 0) return index;
  names.push(name);
  return names.length - 1;
}
