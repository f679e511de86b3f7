import * as Toast from "@radix-ui/react-toast";
import { create } from "zustand";
import { useT } from "../i18n/use-t";

/** "failure": a refusal or an error; "success": a confirmation that something was saved. */
export type NoticeTone = "failure" | "success";

interface Notice {
  id: number;
  text: string;
  tone: NoticeTone;
  /** What the notice is about; a newer notice about the same thing replaces it. */
  topic: string;
}

interface NoticeState {
  notices: Notice[];
  notify: (text: string, options?: { topic?: string; tone?: NoticeTone }) => void;
  dismiss: (id: number) => void;
}

/** Failures stay long enough to read twice; Radix pauses the count while hovered or focused. */
const SHOWN_FOR_MS: Record<NoticeTone, number> = { failure: 8000, success: 4000 };
let nextId = 1;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  notify: (text, { topic = text, tone = "failure" } = {}) => {
    const id = nextId++;
    set({
      notices: [...get().notices.filter((notice) => notice.topic !== topic), { id, text, tone, topic }],
    });
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

/**
 * Shows a sentence (a refusal, a failure, a confirmation) for a few seconds.
 * Notices of one `topic` (an action, a settings section) replace each other,
 * so a stale error never sits beside the success that followed it.
 */
export function notify(text: string, options?: { topic?: string; tone?: NoticeTone }): void {
  useNotices.getState().notify(text, options);
}

/** Notices in one corner, on Radix's Toast: announced to screen readers, paused while hovered, F8 to reach them. */
export function NoticeStack() {
  const t = useT();
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <Toast.Provider label={t("notice.label")} swipeDirection="right">
      {notices.map((notice) => (
        <Toast.Root
          key={notice.id}
          className="notice"
          data-tone={notice.tone}
          type={notice.tone === "failure" ? "foreground" : "background"}
          duration={SHOWN_FOR_MS[notice.tone]}
          onOpenChange={(open) => {
            if (!open) dismiss(notice.id);
          }}
        >
          <Toast.Description>{notice.text}</Toast.Description>
          <Toast.Close aria-label={t("notice.dismiss")} className="icon-button">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="notice-stack" label={t("notice.region", { hotkey: "{hotkey}" })} />
    </Toast.Provider>
  );
}
