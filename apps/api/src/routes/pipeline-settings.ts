import {
  ZBoardIdParams,
  ZErrorBody,
  ZPipelineSettingsChange,
  ZPipelineSettingsView,
  ZRotateWebhookSecretBody,
  ZUpdatePipelineSettingsBody,
  ZWebhookSecretList,
  ZWebhookSecretRotation,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaller } from "../plugins/authenticate";
import { getPipelineSettings } from "../services/pipeline/get-pipeline-settings";
import { listWebhookSecrets } from "../services/pipeline/list-webhook-secrets";
import { rotateWebhookSecret } from "../services/pipeline/rotate-webhook-secret";
import { updatePipelineSettings } from "../services/pipeline/update-pipeline-settings";

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ["pipeline"];
const ADMIN_ONLY = "Board admins only. Every change is audited and broadcast as `settings.changed`.";

/** The board's side of the delivery pipeline: its webhook secrets and its release rules. */
export const pipelineSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };

  app.get(
    "/api/boards/:boardId/webhook-secrets",
    {
      schema: {
        tags,
        summary: "The board's webhook secrets and the webhook addresses to give GitHub, GitLab or a CI tool",
        description: "Board admins only: the response holds the accepted secrets themselves.",
        params: ZBoardIdParams,
        response: { 200: ZWebhookSecretList, ...errors },
      },
    },
    async (request) => listWebhookSecrets(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.post(
    "/api/boards/:boardId/webhook-secrets",
    {
      schema: {
        tags,
        summary: "Create a new webhook secret (the first one, or a rotation)",
        description: `${ADMIN_ONLY} The secrets accepted until now stay accepted for \`gracePeriodMinutes\` (default 1440, a day; 0 revokes them at once). The audit trail records fingerprints, never secrets.`,
        params: ZBoardIdParams,
        body: ZRotateWebhookSecretBody,
        response: { 201: ZWebhookSecretRotation, ...errors },
      },
    },
    async (request, reply) => {
      const rotation = await rotateWebhookSecret(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.body,
      );
      return reply.status(201).send(rotation);
    },
  );

  app.get(
    "/api/boards/:boardId/pipeline-settings",
    {
      schema: {
        tags,
        summary: "Whether a production release moves demands to Done, and which environments are production",
        params: ZBoardIdParams,
        response: { 200: ZPipelineSettingsView, ...errors },
      },
    },
    async (request) => ({
      settings: await getPipelineSettings(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.patch(
    "/api/boards/:boardId/pipeline-settings",
    {
      schema: {
        tags,
        summary: "Change the release rules of the delivery pipeline",
        description: `${ADMIN_ONLY} With releaseMovesToDone, a production release (a release, or a deploy to one of productionEnvironments) moves the demands it ships to Done with the pipeline as the actor, skipping entry and exit criteria but not a hard WIP limit of Done.`,
        params: ZBoardIdParams,
        body: ZUpdatePipelineSettingsBody,
        response: { 200: ZPipelineSettingsChange, ...errors },
      },
    },
    async (request) =>
      updatePipelineSettings(deps, requireCaller(request).id, request.params.boardId, request.body),
  );
};
