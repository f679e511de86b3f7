import {
  type TAddMemberBody,
  type TBoardRole,
  type TCreateCriterionBody,
  type TCreateLaneBody,
  type TCreateStageBody,
  type TUpdateCriterionBody,
  type TUpdateLaneBody,
  type TUpdateStageBody,
  ZAlertWebhookSettings,
  ZCriterionChange,
  ZCriterionRemoval,
  ZInvitationCreated,
  ZInvitationList,
  ZLaneChange,
  ZLaneRemoval,
  ZMemberChange,
  ZMemberList,
  ZMemberRemoval,
  ZStageChange,
  ZStageRemoval,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

// Each reply carries the whole list after the change; the settings page still
// reloads the board afterwards, so the board store stays the one source of truth.

export const addStage = (boardId: string, body: TCreateStageBody) =>
  apiRequest("POST", `/api/boards/${boardId}/stages`, ZStageChange, body);
export const changeStage = (boardId: string, stageId: string, body: TUpdateStageBody) =>
  apiRequest("PATCH", `/api/boards/${boardId}/stages/${stageId}`, ZStageChange, body);
export const removeStage = (boardId: string, stageId: string) =>
  apiRequest("DELETE", `/api/boards/${boardId}/stages/${stageId}`, ZStageRemoval);

export const addLane = (boardId: string, body: TCreateLaneBody) =>
  apiRequest("POST", `/api/boards/${boardId}/lanes`, ZLaneChange, body);
export const changeLane = (boardId: string, laneId: string, body: TUpdateLaneBody) =>
  apiRequest("PATCH", `/api/boards/${boardId}/lanes/${laneId}`, ZLaneChange, body);
export const removeLane = (boardId: string, laneId: string) =>
  apiRequest("DELETE", `/api/boards/${boardId}/lanes/${laneId}`, ZLaneRemoval);

export const addCriterion = (boardId: string, body: TCreateCriterionBody) =>
  apiRequest("POST", `/api/boards/${boardId}/criteria`, ZCriterionChange, body);
export const changeCriterion = (boardId: string, criterionId: string, body: TUpdateCriterionBody) =>
  apiRequest("PATCH", `/api/boards/${boardId}/criteria/${criterionId}`, ZCriterionChange, body);
export const removeCriterion = (boardId: string, criterionId: string) =>
  apiRequest("DELETE", `/api/boards/${boardId}/criteria/${criterionId}`, ZCriterionRemoval);

export const listMembers = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/members`, ZMemberList);
/** Adding a member invites them: the answer carries the link, whether or not they have an account. */
export const inviteMember = (boardId: string, body: TAddMemberBody) =>
  apiRequest("POST", `/api/boards/${boardId}/members`, ZInvitationCreated, body);
export const listInvitations = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/invitations`, ZInvitationList);
export const withdrawInvitation = (boardId: string, invitationId: string) =>
  apiRequest("DELETE", `/api/boards/${boardId}/invitations/${invitationId}`, ZInvitationList);
export const changeMemberRole = (boardId: string, userId: string, role: TBoardRole) =>
  apiRequest("PATCH", `/api/boards/${boardId}/members/${userId}`, ZMemberChange, { role });
export const removeMember = (boardId: string, userId: string) =>
  apiRequest("DELETE", `/api/boards/${boardId}/members/${userId}`, ZMemberRemoval);

export const fetchAlertWebhook = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/alert-webhook`, ZAlertWebhookSettings);
export const saveAlertWebhook = (boardId: string, url: string | null) =>
  apiRequest("PUT", `/api/boards/${boardId}/alert-webhook`, ZAlertWebhookSettings, { url });
