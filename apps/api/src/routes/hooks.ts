import {
  type TCodeEventSource,
  ZBoardIdParams,
  ZDemandCode,
  ZDemandIdParams,
  ZErrorBody,
  ZWebhookReceipt,
} from "@tideway/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getDemandCode } from "../services/pipeline/get-demand-code";
import { receiveWebhook } from "../services/pipeline/receive-webhook";

/** GitHub caps pushes at 2,048 commits per payload; 5 MiB holds that comfortably. */
const WEBHOOK_BODY_LIMIT = 5 * 1024 * 1024;
/** Per sender address and board: a busy repository sends bursts, a guesser is slowed down. */
const webhookRateLimit = {
  // The signature is the only credential: cookies a sender happens to carry are ignored.
  signatureOnly: true,
  rateLimit: {
    max: 120,
    timeWindow: "1 minute",
    keyGenerator: (request: FastifyRequest) =>
      `${request.ip}:${(request.params as { boardId?: string }).boardId ?? ""}`,
  },
};
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  404: ZErrorBody,
  413: ZErrorBody,
  415: ZErrorBody,
  429: ZErrorBody,
};

const PROVIDERS: Record<TCodeEventSource, { summary: string; description: string }> = {
  github: {
    summary: "GitHub webhook: push, pull_request (merged), deployment_status (success), release (published)",
    description:
      "Content type application/json. Signed with the board's webhook secret: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. " +
      "Delivery id: `X-GitHub-Delivery`; event: `X-GitHub-Event`.",
  },
  gitlab: {
    summary: "GitLab webhook: push, merge request (merge), deployment (success)",
    description:
      "Content type application/json. `X-Gitlab-Token: <the board's webhook secret>`. " +
      "Delivery id: `X-Gitlab-Event-UUID` (else a hash of the body).",
  },
  generic: {
    summary:
      "Any CI/CD tool: one CodeEventInput { kind, sha, at, repository, demandKeys?, message?, environment?, commits? }",
    description:
      "Content type application/json; the body is a CodeEventInput (packages/contracts/src/pipeline.ts, README). " +
      "Signed: `X-Tideway-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. " +
      "Delivery id: `X-Tideway-Delivery` (else a hash of the body).",
  },
};

const COMMON =
  " Authenticated only by the signature (no session): unsigned or wrongly signed requests get 401 INVALID_SIGNATURE " +
  "and change nothing. A redelivery (same delivery id) answers `duplicate: true` and stores nothing again. " +
  "Deploys and releases link the demands of the commits they ship; a production release can move them to Done " +
  "(PATCH /api/boards/{boardId}/pipeline-settings).";

/**
 * Webhook receivers, in a context of their own: their JSON bodies stay raw
 * bytes (a signature covers the exact bytes), and are parsed only after the
 * signature checked out. Other routes keep Fastify's JSON parser.
 */
const webhookReceivers: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
    done(null, body);
  });

  for (const source of Object.keys(PROVIDERS) as TCodeEventSource[]) {
    const { summary, description } = PROVIDERS[source];
    app.post(
      `/api/hooks/:boardId/${source}`,
      {
        bodyLimit: WEBHOOK_BODY_LIMIT,
        config: webhookRateLimit,
        schema: {
          tags: ["pipeline"],
          summary,
          description: description + COMMON,
          params: ZBoardIdParams,
          response: { 200: ZWebhookReceipt, ...errors },
        },
      },
      async (request) =>
        receiveWebhook(deps, request.params.boardId, source, {
          headers: request.headers,
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        }),
    );
  }
};

/** The delivery pipeline's webhooks, and what they recorded per demand. */
export const hookRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(webhookReceivers);

  app.get(
    "/api/demands/:id/code",
    {
      schema: {
        tags: ["pipeline"],
        summary: "A demand's commits, merges, deploys and releases, and its release lead time",
        description:
          "Release lead time (seconds) = the first production release at or after the last commit or merge, minus " +
          "that submission; null while not released. A release counts; a deploy counts when its environment is one " +
          "of the board's production environments.",
        params: ZDemandIdParams,
        response: { 200: ZDemandCode, 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request) => getDemandCode(app.db, requireCaller(request).id, request.params.id),
  );
};
