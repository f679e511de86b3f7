import {
  type TRotateWebhookSecretBody,
  type TUpdatePipelineSettingsBody,
  ZPipelineSettingsChange,
  ZPipelineSettingsView,
  ZWebhookSecretList,
  ZWebhookSecretRotation,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

export const fetchWebhookSecrets = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/webhook-secrets`, ZWebhookSecretList);
export const rotateWebhookSecret = (boardId: string, body: TRotateWebhookSecretBody) =>
  apiRequest("POST", `/api/boards/${boardId}/webhook-secrets`, ZWebhookSecretRotation, body ?? {});
export const fetchPipelineSettings = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/pipeline-settings`, ZPipelineSettingsView);
export const changePipelineSettings = (boardId: string, body: TUpdatePipelineSettingsBody) =>
  apiRequest("PATCH", `/api/boards/${boardId}/pipeline-settings`, ZPipelineSettingsChange, body);
