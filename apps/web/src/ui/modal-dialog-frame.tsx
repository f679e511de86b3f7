import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { useT } from "../i18n/use-t";

export interface ModalDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Added to the dialog's own class, for a page that sizes its dialogs (the dialog is not inside the page). */
  className?: string;
}

/**
 * Every dialog of the app, on Radix's Dialog: it traps focus, closes on Escape
 * and on a click outside, hides the page behind it from screen readers and
 * gives focus back to where it was.
 */
/**
 * Radix focuses the dialog's first focusable element (here its Close button);
 * a field marked `autofocus`, such as the block dialog's reason, is where the
 * person starts typing, so it wins when there is one.
 */
function focusAutofocusField(event: Event): void {
  const field = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>("[autofocus]");
  if (!field) return;
  event.preventDefault();
  field.focus();
}

export function ModalDialogFrame({ open, title, onClose, children, className }: ModalDialogProps) {
  const t = useT();
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        {/* The dialog's own text describes it; there is no single description to point to. */}
        <Dialog.Content
          className={className ? `modal ${className}` : "modal"}
          aria-describedby={undefined}
          onOpenAutoFocus={focusAutofocusField}
        >
          <header className="modal-header">
            <Dialog.Title>{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label={t("dialog.close")}>
              ×
            </Dialog.Close>
          </header>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
