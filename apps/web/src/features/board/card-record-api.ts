import {
  type TComment,
  type TCommentChange,
  type TDemandHistory,
  type TDependency,
  type TDependencyChange,
  ZCommentChange,
  ZCommentList,
  ZDemandHistory,
  ZDependencyChange,
  ZDependencyList,
} from "@tideway/contracts";
import { apiRequest, ignoreBody } from "../../api/api-request";

/** The calls of the card dialog's record sections: journey, comments, links and dependencies. */

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

export async function fetchDependencies(demandId: string): Promise<TDependency[]> {
  return (await apiRequest("GET", `/api/demands/${demandId}/dependencies`, ZDependencyList)).dependencies;
}

export function addDependency(demandId: string, dependsOnId: string): Promise<TDependencyChange> {
  return apiRequest("POST", `/api/demands/${demandId}/dependencies`, ZDependencyChange, { dependsOnId });
}

export function removeDependency(demandId: string, dependsOnId: string): Promise<TDependencyChange> {
  return apiRequest("DELETE", `/api/demands/${demandId}/dependencies/${dependsOnId}`, ZDependencyChange);
}
