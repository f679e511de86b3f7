import { create } from "zustand";

/**
 * Live changes to parts of a card that the board itself does not hold
 * (comments): a counter per demand that the card dialog's sections use as
 * the refresh key of what they fetched.
 */
interface CardRecordEvents {
  commentChanges: Record<string, number>;
  commentChanged: (demandId: string) => void;
}

export const useCardRecordEvents = create<CardRecordEvents>()((set) => ({
  commentChanges: {},
  commentChanged: (demandId) =>
    set((state) => ({
      commentChanges: { ...state.commentChanges, [demandId]: (state.commentChanges[demandId] ?? 0) + 1 },
    })),
}));
