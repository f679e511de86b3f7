import { type TDemandHistory, ZDemandHistory } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/** The calls of the card dialog's record sections: journey, comments, links and dependencies. */

export function fetchDemandHistory(demandId: string): Promise<TDemandHistory> {
  return apiRequest("GET", `/api/demands/${demandId}/history`, ZDemandHistory);
}
