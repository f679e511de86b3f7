import {
  ZAddMemberBody,
  ZAuditPage,
  ZAuditQuery,
  ZBoardIdParams,
  ZChangeMemberRoleBody,
  ZCreateCriterionBody,
  ZCreateLaneBody,
  ZCreateStageBody,
  ZCriterionChange,
  ZCriterionList,
  ZCriterionParams,
  ZCriterionRemoval,
  ZErrorBody,
  ZInvitationCreated,
  ZInvitationList,
  ZInvitationParams,
  ZLaneChange,
  ZLaneList,
  ZLaneParams,
  ZLaneRemoval,
  ZMemberChange,
  ZMemberList,
  ZMemberParams,
  ZMemberRemoval,
  ZStageChange,
  ZStageList,
  ZStageParams,
  ZStageRemoval,
  ZUpdateCriterionBody,
  ZUpdateLaneBody,
  ZUpdateStageBody,
} from "@tideway/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireCaller } from "../plugins/authenticate";
import { inviteToBoard } from "../services/invitations/invite-to-board";
import { listInvitations } from "../services/invitations/list-invitations";
import { revokeInvitation } from "../services/invitations/revoke-invitation";
import { changeMemberRole } from "../services/settings/change-member-role";
import { createCriterion } from "../services/settings/create-criterion";
import { createLane } from "../services/settings/create-lane";
import { createStage } from "../services/settings/create-stage";
import { deleteCriterion } from "../services/settings/delete-criterion";
import { deleteLane } from "../services/settings/delete-lane";
import { deleteStage } from "../services/settings/delete-stage";
import { leaveBoard } from "../services/settings/leave-board";
import { listAuditEvents } from "../services/settings/list-audit-events";
import { listCriteria } from "../services/settings/list-criteria";
import { listLanes } from "../services/settings/list-lanes";
import { listMembers } from "../services/settings/list-members";
import { listStages } from "../services/settings/list-stages";
import { removeMember } from "../services/settings/remove-member";
import { updateCriterion } from "../services/settings/update-criterion";
import { updateLane } from "../services/settings/update-lane";
import { updateStage } from "../services/settings/update-stage";

const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  404: ZErrorBody,
  409: ZErrorBody,
  429: ZErrorBody,
};
const tags = ["settings"];
const ADMIN_ONLY = "Board admins only. Every change is audited and broadcast as `settings.changed`.";
// Each invitation may send an email: keep a board admin from flooding inboxes.
const memberInviteRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** Board settings: stages, swim lanes, criteria, members, and the audit trail of their changes. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.db, events: app.boardEvents };

  app.get(
    "/api/boards/:boardId/stages",
    {
      schema: {
        tags,
        summary: "The board's stages in column order",
        params: ZBoardIdParams,
        response: { 200: ZStageList, ...errors },
      },
    },
    async (request) => ({
      stages: await listStages(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.post(
    "/api/boards/:boardId/stages",
    {
      schema: {
        tags,
        summary: "Add a stage",
        description: ADMIN_ONLY,
        params: ZBoardIdParams,
        body: ZCreateStageBody,
        response: { 201: ZStageChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await createStage(deps, requireCaller(request).id, request.params.boardId, request.body);
      return reply.status(201).send(change);
    },
  );

  app.patch(
    "/api/boards/:boardId/stages/:stageId",
    {
      schema: {
        tags,
        summary: "Rename, reorder or re-limit a stage, change its kind or its 2-1-1 boundary",
        description: ADMIN_ONLY,
        params: ZStageParams,
        body: ZUpdateStageBody,
        response: { 200: ZStageChange, ...errors },
      },
    },
    async (request) =>
      updateStage(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.params.stageId,
        request.body,
      ),
  );

  app.delete(
    "/api/boards/:boardId/stages/:stageId",
    {
      schema: {
        tags,
        summary: "Remove an empty stage and its criteria",
        description: `${ADMIN_ONLY} Refused with 409 STAGE_NOT_EMPTY while demands sit in it, and with 409 CONFLICT for the last stage or a stage the transition log refers to.`,
        params: ZStageParams,
        response: { 200: ZStageRemoval, ...errors },
      },
    },
    async (request) =>
      deleteStage(deps, requireCaller(request).id, request.params.boardId, request.params.stageId),
  );

  app.get(
    "/api/boards/:boardId/lanes",
    {
      schema: {
        tags,
        summary: "The board's swim lanes in row order",
        params: ZBoardIdParams,
        response: { 200: ZLaneList, ...errors },
      },
    },
    async (request) => ({
      lanes: await listLanes(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.post(
    "/api/boards/:boardId/lanes",
    {
      schema: {
        tags,
        summary: "Add a swim lane",
        description: ADMIN_ONLY,
        params: ZBoardIdParams,
        body: ZCreateLaneBody,
        response: { 201: ZLaneChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await createLane(deps, requireCaller(request).id, request.params.boardId, request.body);
      return reply.status(201).send(change);
    },
  );

  app.patch(
    "/api/boards/:boardId/lanes/:laneId",
    {
      schema: {
        tags,
        summary: "Rename, reorder or re-limit a swim lane",
        description: ADMIN_ONLY,
        params: ZLaneParams,
        body: ZUpdateLaneBody,
        response: { 200: ZLaneChange, ...errors },
      },
    },
    async (request) =>
      updateLane(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.params.laneId,
        request.body,
      ),
  );

  app.delete(
    "/api/boards/:boardId/lanes/:laneId",
    {
      schema: {
        tags,
        summary: "Remove an empty swim lane",
        description: `${ADMIN_ONLY} Refused with 409 LANE_NOT_EMPTY while demands sit in it, and with 409 CONFLICT for the last lane or a lane the transition log refers to.`,
        params: ZLaneParams,
        response: { 200: ZLaneRemoval, ...errors },
      },
    },
    async (request) =>
      deleteLane(deps, requireCaller(request).id, request.params.boardId, request.params.laneId),
  );

  app.get(
    "/api/boards/:boardId/criteria",
    {
      schema: {
        tags,
        summary: "The board's entry and exit criteria",
        params: ZBoardIdParams,
        response: { 200: ZCriterionList, ...errors },
      },
    },
    async (request) => ({
      criteria: await listCriteria(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.post(
    "/api/boards/:boardId/criteria",
    {
      schema: {
        tags,
        summary: "Add an entry or exit criterion to a stage",
        description: ADMIN_ONLY,
        params: ZBoardIdParams,
        body: ZCreateCriterionBody,
        response: { 201: ZCriterionChange, ...errors },
      },
    },
    async (request, reply) => {
      const change = await createCriterion(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.body,
      );
      return reply.status(201).send(change);
    },
  );

  app.patch(
    "/api/boards/:boardId/criteria/:criterionId",
    {
      schema: {
        tags,
        summary: "Reword, reorder or switch a criterion between entry and exit, required and optional",
        description: ADMIN_ONLY,
        params: ZCriterionParams,
        body: ZUpdateCriterionBody,
        response: { 200: ZCriterionChange, ...errors },
      },
    },
    async (request) =>
      updateCriterion(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.params.criterionId,
        request.body,
      ),
  );

  app.delete(
    "/api/boards/:boardId/criteria/:criterionId",
    {
      schema: {
        tags,
        summary: "Remove a criterion and the checks demands had for it",
        description: ADMIN_ONLY,
        params: ZCriterionParams,
        response: { 200: ZCriterionRemoval, ...errors },
      },
    },
    async (request) =>
      deleteCriterion(deps, requireCaller(request).id, request.params.boardId, request.params.criterionId),
  );

  app.get(
    "/api/boards/:boardId/members",
    {
      schema: {
        tags,
        summary: "Members with their emails and roles",
        description:
          "Board admins only; everyone on the board sees names and roles in GET /api/boards/:boardId.",
        params: ZBoardIdParams,
        response: { 200: ZMemberList, ...errors },
      },
    },
    async (request) => ({
      members: await listMembers(app.db, requireCaller(request).id, request.params.boardId),
    }),
  );

  app.post(
    "/api/boards/:boardId/members",
    {
      config: memberInviteRateLimit,
      schema: {
        tags,
        summary: "Invite someone to the board by email: a single-use link, valid for 7 days",
        description:
          `${ADMIN_ONLY} The same answer whether or not the email has an account (F12): the person ` +
          "opens the link (`path`, shown once; emailed too when SMTP_URL is set) and joins, signing up " +
          "first if they have no account. A newer invitation of the same email replaces the older one.",
        params: ZBoardIdParams,
        body: ZAddMemberBody,
        response: { 201: ZInvitationCreated, ...errors },
      },
    },
    async (request, reply) => {
      const invitation = await inviteToBoard(
        { ...deps, mailer: app.mailer },
        requireCaller(request).id,
        request.params.boardId,
        request.body,
      );
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    "/api/boards/:boardId/invitations",
    {
      schema: {
        tags,
        summary: "Pending invitations (admins only)",
        params: ZBoardIdParams,
        response: { 200: ZInvitationList, ...errors },
      },
    },
    async (request) => listInvitations(app.db, requireCaller(request).id, request.params.boardId),
  );

  app.delete(
    "/api/boards/:boardId/invitations/:invitationId",
    {
      schema: {
        tags,
        summary: "Withdraw a pending invitation: its link stops working",
        params: ZInvitationParams,
        response: { 200: ZInvitationList, ...errors },
      },
    },
    async (request) => {
      const { boardId, invitationId } = request.params;
      const { invitations } = await revokeInvitation(deps, requireCaller(request).id, boardId, invitationId);
      return { invitations };
    },
  );

  app.patch(
    "/api/boards/:boardId/members/:userId",
    {
      schema: {
        tags,
        summary: "Change a member's role",
        description: `${ADMIN_ONLY} The board's last admin cannot give up the role (409 CONFLICT).`,
        params: ZMemberParams,
        body: ZChangeMemberRoleBody,
        response: { 200: ZMemberChange, ...errors },
      },
    },
    async (request) =>
      changeMemberRole(
        deps,
        requireCaller(request).id,
        request.params.boardId,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    "/api/boards/:boardId/members/:userId",
    {
      schema: {
        tags,
        summary: "Take a member off the board",
        description: `${ADMIN_ONLY} The board's last admin cannot leave (409 CONFLICT). To leave a board yourself, whatever your role, use DELETE /api/boards/:boardId/members/me.`,
        params: ZMemberParams,
        response: { 200: ZMemberRemoval, ...errors },
      },
    },
    async (request) =>
      removeMember(deps, requireCaller(request).id, request.params.boardId, request.params.userId),
  );

  app.delete(
    "/api/boards/:boardId/members/me",
    {
      schema: {
        tags,
        summary: "Leave the board",
        description:
          "Any member (viewer, member or admin) takes themself off the board; afterwards the board answers them as a non-member (404) and their open sockets stop receiving its events. The board's last admin cannot leave (409 CONFLICT). Audited as `member.left`.",
        params: ZBoardIdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await leaveBoard(deps, requireCaller(request).id, request.params.boardId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/boards/:boardId/audit",
    {
      schema: {
        tags,
        summary: "Who changed which setting, limit, criterion or membership, before and after; newest first",
        description: "Board admins only. Page with `before` = the previous page's `next`.",
        params: ZBoardIdParams,
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...errors },
      },
    },
    async (request) =>
      listAuditEvents(app.db, requireCaller(request).id, request.params.boardId, request.query),
  );
};
