import {
  type TComment,
  type TCommentChange,
  type TDemandCode,
  type TDemandHistory,
  ZCommentChange,
  ZCommentList,
  ZDemandCode,
  ZDemandHistory,
} from "@tideway/contracts";
import { apiRequest, ignoreBody } from "../../api/api-request";

/** The calls of the card dialog's record sections: journey, comments and pipeline record (dependencies: dependency-api.ts). */

export function fetchDemandHistory(demandId: string): Promise<TDemandHistory> {
  return apiRequest("GET", `/api/demands/${demandId}/history`, ZDemandHistory);
}

export async function fetchComments(demandId: string): Promise<TComment[]> {
  return (await apiRequest("GET", `/api/demands/${demandId}/comments`, ZCommentList)).comments;
}

export function addComment(demandId: string, body: string): Promise<TCommentChange> {
  return apiRequest("POST", `/api/demands/${demandId}/comments`, ZCommentChange, { body });
}

export function editComment(commentId: string, body: string): Promise<TCommentChange> {
  return apiRequest("PATCH", `/api/comments/${commentId}`, ZCommentChange, { body });
}

export function deleteComment(commentId: string): Promise<void> {
  return apiRequest("DELETE", `/api/comments/${commentId}`, ignoreBody);
}

export function fetchDemandCode(demandId: string): Promise<TDemandCode> {
  return apiRequest("GET", `/api/demands/${demandId}/code`, ZDemandCode);
}
