import {
  type TAcceptedInvitation,
  type TAcceptInvitationBody,
  type TInvitationPreview,
  ZAcceptedInvitation,
  ZInvitationPreview,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

// Apart from auth-api.ts, which every page loads: only the invitation page needs these.

export function fetchInvitation(token: string): Promise<TInvitationPreview> {
  return apiRequest("GET", `/api/invitations/${encodeURIComponent(token)}`, ZInvitationPreview, undefined, {
    quietUnauthenticated: true,
  });
}

export function acceptInvitation(token: string, body: TAcceptInvitationBody): Promise<TAcceptedInvitation> {
  return apiRequest(
    "POST",
    `/api/invitations/${encodeURIComponent(token)}/accept`,
    ZAcceptedInvitation,
    body,
    {
      quietUnauthenticated: true,
    },
  );
}
