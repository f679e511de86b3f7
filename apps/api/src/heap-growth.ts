import v8 from "node:v8";

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again: 30%, the factor V8 itself uses when asked to save
 * memory, instead of its default of up to 4x when allocation is fast. A large
 * board import allocates fast and keeps little (13.7 MB live through a 32 MiB
 * import, board-import-memory.test.ts), so under the default the server grew
 * by 316-329 MB of mostly dead objects through a 96 MiB import, and by 178 MB
 * with this (npm run bench:board-import, same sitting, load 13); the import
 * took as long. The cost is more frequent full collections, which V8 marks
 * concurrently with the server's work.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Applies HEAP_GROWING_PERCENT to this process. A flag set at run time (not
 * one NODE_OPTIONS may carry); V8 reads it whenever it sets the heap's next
 * limit, so it holds from the next full collection on.
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
