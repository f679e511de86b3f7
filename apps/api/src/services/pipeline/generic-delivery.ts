import { ZCodeEventInput } from "@tideway/contracts";
import type { DeliveryReading } from "./pipeline-event";
import { parsePayload, type WebhookRequest } from "./webhook-request";

/** Reads the documented generic event (`TCodeEventInput`): one event per delivery. */
export function readGenericDelivery(_request: WebhookRequest, payload: unknown): DeliveryReading {
  const event = parsePayload(ZCodeEventInput, payload);
  const shipping = event.kind === "deploy" || event.kind === "release";
  return {
    ignored: null,
    events: [
      {
        kind: event.kind,
        sha: event.sha,
        // The contract has already checked that the time parses and lies between 1970 and 9999.
        at: new Date(event.at),
        repository: event.repository,
        message: event.message ?? null,
        environment: event.environment ?? null,
        keyTexts: [event.message],
        namedKeys: event.demandKeys ?? [],
        commits: shipping && event.commits ? [...event.commits, event.sha] : null,
      },
    ],
  };
}
