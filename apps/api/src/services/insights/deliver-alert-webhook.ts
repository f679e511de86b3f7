import { createHmac } from "node:crypto";
import type { TSleAlertWebhookPayload } from "@tideway/contracts";
import type { AlertWebhookTarget } from "./alert-webhook-settings";

export interface WebhookDeliveryOptions {
  /** Per attempt. */
  timeoutMs: number;
  attempts: number;
  /** Before the second attempt; doubled before each later one. */
  retryDelayMs: number;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = {
  timeoutMs: 5_000,
  attempts: 3,
  retryDelayMs: 2_000,
};

export interface WebhookDeliveryResult {
  delivered: boolean;
  attempts: number;
  /** The last response's status, or the last error's message. */
  last: number | string;
}

/** `sha256=<hex>` of the HMAC-SHA256 of the body under the board's alert webhook secret. */
export function alertSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * POSTs one alert as JSON, signed in `X-Tideway-Signature` (the receiver
 * recomputes the HMAC of the raw body with the secret shown in the board's
 * settings). A 2xx answer delivers it; a network error, a timeout or any
 * other status is retried a few times with growing pauses. Never throws:
 * the sweep logs an undelivered alert and goes on.
 */
export async function deliverAlertWebhook(
  target: AlertWebhookTarget,
  payload: TSleAlertWebhookPayload,
  options: WebhookDeliveryOptions = DEFAULT_WEBHOOK_DELIVERY,
): Promise<WebhookDeliveryResult> {
  const body = JSON.stringify(payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Tideway",
    "x-tideway-event": payload.type,
    "x-tideway-delivery": payload.alertId,
    "x-tideway-signature": alertSignature(body, target.secret),
  };
  let last: number | string = "not attempted";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) await sleep(options.retryDelayMs * 2 ** (attempt - 2));
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      last = response.status;
      if (response.ok) return { delivered: true, attempts: attempt, last };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  return { delivered: false, attempts: options.attempts, last };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
