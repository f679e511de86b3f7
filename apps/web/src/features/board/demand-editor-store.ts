import { create } from "../../ui/create-store";

/** Which demand's editor is open, if any. */
export const useDemandEditor = create<{
  demandId: string | null;
  open: (id: string) => void;
  close: () => void;
}>()((set) => ({
  demandId: null,
  open: (demandId) => set({ demandId }),
  close: () => set({ demandId: null }),
}));
