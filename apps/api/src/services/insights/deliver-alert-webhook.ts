import { createHmac } from "node:crypto";
import type { TSleAlertWebhookPayload } from "@tideway/contracts";
import type { AlertWebhookTarget } from "./alert-webhook-settings";

export interface WebhookDeliveryOptions {
  /** Per attempt. */
  timeoutMs: number;
  attempts: number;
  /** Before the second attempt; doubled before each later one. */
  retryDelayMs: number;
  /**
   * Private, loopback, link-local and reserved addresses the webhook may
   * reach anyway (IPs or CIDR ranges, from ALERT_WEBHOOK_ALLOWED_ADDRESSES).
   * Any board admin sets the URL, and any user can create a board, so
   * without this the server would POST wherever they point it inside its
   * own network (SSRF).
   */
  allowedAddresses: readonly string[];
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = {
  timeoutMs: 5_000,
  attempts: 3,
  retryDelayMs: 2_000,
  allowedAddresses: [],
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
      last = await post(target.url, headers, body, options);
      if (last >= 200 && last < 300) return { delivered: true, attempts: attempt, last };
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
  }
  return { delivered: false, attempts: options.attempts, last };
}

/**
 * One POST through an agent that checks the address every connection
 * resolves to (request-filtering-agent), so neither a private IP in the URL
 * nor a name that resolves to one (DNS rebinding) gets through. Node's
 * built-in fetch takes no http.Agent, hence node:http. Redirects are not
 * followed. Resolves to the response status.
 */
async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: WebhookDeliveryOptions,
): Promise<number> {
  const { useAgent, request } = await outgoingHttp(url);
  const agent = useAgent(url, { allowIPAddressList: [...options.allowedAddresses] });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.on("close", () => agent.destroy());
    outgoing.end(body);
  });
}

/**
 * Loaded with the first delivery, not at start: an ES-module import of node:http
 * (ours, or request-filtering-agent's) evaluates its lazy getters, which load
 * Node's bundled undici and TLS, about a tenth of the server's start-up.
 */
async function outgoingHttp(url: string) {
  const [{ useAgent }, http, https] = await Promise.all([
    import("request-filtering-agent"),
    import("node:http"),
    import("node:https"),
  ]);
  return { useAgent, request: url.startsWith("https:") ? https.request : http.request };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
