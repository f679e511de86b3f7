import type { FastifyInstance } from "fastify";
import { DEFAULT_WEBHOOK_DELIVERY } from "../services/insights/deliver-alert-webhook";
import { sweepSleAlerts } from "../services/insights/sweep-sle-alerts";

/** The first sweep after start-up comes early, so alerts due while the server was down arrive soon. */
const FIRST_SWEEP_MAX_DELAY_MS = 5_000;

/**
 * Runs the SLE alert sweep every `intervalMs` (0: never) from the moment the
 * server listens until it closes: the app is built while the database starts
 * (run-server.ts), and the sweep needs the database. Sweeps never overlap; one that fails is logged and the next
 * one tries again. State lives in the database, so a restart neither loses
 * nor repeats an alert.
 */
export function startSleSweep(app: FastifyInstance, intervalMs: number): void {
  if (intervalMs <= 0) return;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  const webhook = { ...DEFAULT_WEBHOOK_DELIVERY, allowedAddresses: app.config.alertWebhookAllowedAddresses };
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      await sweepSleAlerts({
        db: app.db,
        users: app.userEvents,
        log: app.log,
        webhook,
      });
    } catch (error) {
      app.log.error({ err: error }, "SLE alert sweep failed");
    } finally {
      running = false;
    }
  };
  let first: NodeJS.Timeout | null = null;
  app.addHook("onListen", async () => {
    first = setTimeout(
      () => {
        void sweep();
        timer = setInterval(() => void sweep(), intervalMs);
        timer.unref();
      },
      Math.min(intervalMs, FIRST_SWEEP_MAX_DELAY_MS),
    );
    first.unref();
  });
  app.addHook("onClose", async () => {
    if (first) clearTimeout(first);
    if (timer) clearInterval(timer);
  });
}
