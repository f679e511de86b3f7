import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";
import { RETRY_AFTER_SECONDS } from "../errors/app-error";
import { overloadedBody } from "./error-handler";

/**
 * Mean event-loop delay (sampled each second) past which new requests are
 * refused with 503 OVERLOADED and Retry-After: at a full second every request
 * already waits that long before its handler runs, so queueing more only
 * makes all of them later. CPU-heavy work (forecasts) runs in worker threads
 * and the import parses as a stream, so only a real overload gets here; the
 * database pool has its own bound (db/guarded-pool.ts).
 */
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;

/** Health probes answer even under pressure: an orchestrator must see the process, not a refusal. */
const ALWAYS_ANSWERED = /^\/api\/health(\/|$|\?)/;

export async function registerOverloadGuard(app: FastifyInstance): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
    // Returning nothing lets under-pressure go on; Fastify stops before parsing once the reply is sent.
    pressureHandler: (request, reply) => {
      if (ALWAYS_ANSWERED.test(request.url)) return;
      void reply
        .status(503)
        .header("retry-after", String(RETRY_AFTER_SECONDS.OVERLOADED))
        .send(overloadedBody);
    },
  });
}
