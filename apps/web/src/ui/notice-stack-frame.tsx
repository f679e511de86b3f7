import * as Toast from "@radix-ui/react-toast";
import { useT } from "../i18n/use-t";
import { type NoticeTone, useNotices } from "./notice-stack";

/** Failures stay long enough to read twice; Radix pauses the count while hovered or focused. */
const SHOWN_FOR_MS: Record<NoticeTone, number> = { failure: 8000, success: 4000 };

/** Notices in one corner, on Radix's Toast: announced to screen readers, paused while hovered, F8 to reach them. */
export function NoticeStackFrame() {
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
