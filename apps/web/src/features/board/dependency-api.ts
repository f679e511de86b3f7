import {
  type TDependency,
  type TDependencyChange,
  ZDependencyChange,
  ZDependencyList,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/**
 * A demand's dependencies: the board loads them with the board (waiting-on badges); the
 * card dialog changes them.
 */

export async function fetchDependencies(demandId: string): Promise<TDependency[]> {
  return (await apiRequest("GET", `/api/demands/${demandId}/dependencies`, ZDependencyList)).dependencies;
}

export function addDependency(demandId: string, dependsOnId: string): Promise<TDependencyChange> {
  return apiRequest("POST", `/api/demands/${demandId}/dependencies`, ZDependencyChange, { dependsOnId });
}

export function removeDependency(demandId: string, dependsOnId: string): Promise<TDependencyChange> {
  return apiRequest("DELETE", `/api/demands/${demandId}/dependencies/${dependsOnId}`, ZDependencyChange);
}
