import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { ORIGIN } from "./session";

/** What a process went through while a piece of work ran (see watchWhile). */
export interface WatchedRun<T> {
  result: T;
  /** Highest resident set size seen, above the one before the work started. */
  peakRssGrowthBytes: number;
  /** Highest V8 heap plus external memory (Buffers) seen, above the one before. */
  peakHeapGrowthBytes: number;
  /** The event loop's longest turn while the work ran. */
  maxLoopDelayMs: number;
  healthAnswers: number;
  healthErrors: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `work` while sampling this process's memory every 10 ms and at every
 * health answer, timing the event loop (perf_hooks) and asking the app's
 * /api/health/live one request after another: peaks, not end states, so a
 * collection that happens to run just before the end does not hide what the
 * work held. The poller stops when the work is done (the barrier), so every
 * answer it counts was asked while the work ran.
 */
export async function watchWhile<T>(app: FastifyInstance, work: () => Promise<T>): Promise<WatchedRun<T>> {
  gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed + before.external;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
  };
  const sampler = setInterval(sample, 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let done = false;
  let healthAnswers = 0;
  let healthErrors = 0;
  const poller = (async () => {
    while (!done) {
      const response = await app.inject({ method: "GET", url: "/api/health/live" }).catch(() => null);
      if (response?.statusCode === 200) healthAnswers++;
      else healthErrors++;
      sample();
      // A turn of the event loop between polls, as separate clients would have.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    const result = await work();
    return {
      result,
      peakRssGrowthBytes: peakRss - before.rss,
      peakHeapGrowthBytes: peakHeap - (before.heapUsed + before.external),
      maxLoopDelayMs: loop.max / 1e6,
      healthAnswers,
      healthErrors,
    };
  } finally {
    done = true;
    await poller;
    clearInterval(sampler);
    loop.disable();
  }
}

/**
 * POSTs a body written piece by piece to the app over a real socket (the app
 * listening on a free port), as a browser uploads a file: the server reads
 * it chunk by chunk from the network, not from one string.
 */
export async function postStreamed(
  app: FastifyInstance,
  url: string,
  cookie: string,
  body: Iterable<string>,
  headers: Record<string, string> = {},
): Promise<{ statusCode: number; json: unknown }> {
  const port = await listeningPort(app);
  const { statusCode, text } = await postOverSocket(port, url, cookie, Readable.from(body), headers);
  return { statusCode, json: text ? JSON.parse(text) : null };
}

/** The app's port on 127.0.0.1, listening on a free one first if it is not yet. */
export async function listeningPort(app: FastifyInstance): Promise<number> {
  if (!app.server.listening) await app.listen({ port: 0, host: "127.0.0.1" });
  return (app.server.address() as AddressInfo).port;
}

/**
 * POSTs `body` as JSON to 127.0.0.1:`port` as a signed-in browser of this site
 * would. An answer that comes before the whole body was sent (a refusal) ends
 * the upload, as a browser does; `headers` adds to or replaces the request's.
 */
export function postOverSocket(
  port: number,
  url: string,
  cookie: string,
  body: Readable,
  headers: Record<string, string> = {},
): Promise<{ statusCode: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: url,
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          host: new URL(ORIGIN).host,
          cookie,
          ...headers,
        },
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          if (!outgoing.writableFinished) {
            body.unpipe(outgoing);
            body.destroy();
            outgoing.destroy();
          }
          resolve({ statusCode: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
        });
        response.on("error", reject);
      },
    );
    // Once answered, the server may close the socket under a body it no longer reads.
    outgoing.on("error", (error) => {
      if (!answered) reject(error);
    });
    body.pipe(outgoing);
  });
}
