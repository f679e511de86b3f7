import type { TCodeEventSource } from "@tideway/contracts";
import { readGenericDelivery } from "./generic-delivery";
import { readGithubDelivery } from "./github-delivery";
import { readGitlabDelivery } from "./gitlab-delivery";
import type { DeliveryReading } from "./pipeline-event";
import { deliveryIdFrom, header, type WebhookRequest } from "./webhook-request";
import { hmacSignatureValid, tokenValid } from "./webhook-signature";

/** How one sender proves who it is, names its deliveries, and reports events. */
export interface WebhookProvider {
  verify(request: WebhookRequest, secrets: readonly string[]): boolean;
  deliveryId(request: WebhookRequest): string;
  read(request: WebhookRequest, payload: unknown): DeliveryReading;
}

export const WEBHOOK_PROVIDERS: Record<TCodeEventSource, WebhookProvider> = {
  github: {
    verify: (request, secrets) =>
      hmacSignatureValid(request.rawBody, header(request, "x-hub-signature-256"), secrets),
    deliveryId: (request) => deliveryIdFrom(request, "x-github-delivery"),
    read: readGithubDelivery,
  },
  gitlab: {
    verify: (request, secrets) => tokenValid(header(request, "x-gitlab-token"), secrets),
    deliveryId: (request) => deliveryIdFrom(request, "x-gitlab-event-uuid"),
    read: readGitlabDelivery,
  },
  generic: {
    verify: (request, secrets) =>
      hmacSignatureValid(request.rawBody, header(request, "x-tideway-signature-256"), secrets),
    deliveryId: (request) => deliveryIdFrom(request, "x-tideway-delivery"),
    read: readGenericDelivery,
  },
};
