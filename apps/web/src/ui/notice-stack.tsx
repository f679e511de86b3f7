import { create } from "zustand";

interface Notice {
  id: number;
  text: string;
}

interface NoticeState {
  notices: Notice[];
  /** Shows a sentence (a refusal, a failure) until dismissed or for a few seconds. */
  notify: (text: string) => void;
  dismiss: (id: number) => void;
}

const SHOWN_FOR_MS = 8000;
let nextId = 1;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  notify: (text) => {
    const id = nextId++;
    set({ notices: [...get().notices.filter((notice) => notice.text !== text), { id, text }] });
    setTimeout(() => get().dismiss(id), SHOWN_FOR_MS);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));

export function notify(text: string): void {
  useNotices.getState().notify(text);
}

/** Refusals and failures, read out by screen readers as they appear. */
export function NoticeStack() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notice-stack">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            aria-label="Dismiss"
            className="icon-button"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
