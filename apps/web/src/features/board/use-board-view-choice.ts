import { useSearchParams } from "../../routing";
import { useHydrated } from "../../ui/use-hydrated";
import { useSession } from "../auth/session-store";
import { type BoardView, isBoardView, useBoardView } from "./board-view-store";

const VIEW_PARAM = "view";

/**
 * The board's view: the URL's `?view=` when it names one (a shared link, a
 * projector's bookmark), otherwise the one the user last chose. Choosing a
 * view keeps it for the user and puts it in the URL. The kept choice is this browser's
 * (localStorage), which the server does not know: a page it rendered shows the URL's view or
 * the standard one until hydrated (ui/use-hydrated.ts).
 */
export function useBoardViewChoice(): [BoardView, (view: BoardView) => void] {
  const [params, setParams] = useSearchParams();
  const userId = useSession((s) => s.user?.id);
  const hydrated = useHydrated();
  const kept = useBoardView((s) => (userId && hydrated ? s.viewByUser[userId] : undefined));
  const fromUrl = params.get(VIEW_PARAM);
  const view = isBoardView(fromUrl) ? fromUrl : (kept ?? "standard");
  const choose = (next: BoardView) => {
    if (userId) useBoardView.getState().chooseView(userId, next);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set(VIEW_PARAM, next);
        return updated;
      },
      { replace: true },
    );
  };
  return [view, choose];
}
