import { lazy } from "react";
import { create } from "./create-store";
import { MountedOnceShown } from "./mounted-once-shown";

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

const NoticeStackFrame = lazy(() =>
  import("./notice-stack-frame").then((module) => ({ default: module.NoticeStackFrame })),
);

/**
 * Notices in one corner (notice-stack-frame.tsx, on Radix's Toast), loaded with the
 * first notice rather than with the page.
 */
export function NoticeStack() {
  const anyNotice = useNotices((s) => s.notices.length > 0);
  return (
    <MountedOnceShown shown={anyNotice}>
      <NoticeStackFrame />
    </MountedOnceShown>
  );
}
