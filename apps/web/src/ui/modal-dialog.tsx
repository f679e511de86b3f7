import { lazy } from "react";
import type { ModalDialogProps } from "./modal-dialog-frame";
import { MountedOnceShown } from "./mounted-once-shown";

// Radix's Dialog (focus trap, scroll lock) loads the first time a page opens a dialog,
// not with the page: the board shows several dialogs and opens none before someone acts.
const ModalDialogFrame = lazy(() =>
  import("./modal-dialog-frame").then((module) => ({ default: module.ModalDialogFrame })),
);

/** Every dialog of the app: modal-dialog-frame.tsx, loaded when one first opens. */
export function ModalDialog(props: ModalDialogProps) {
  return (
    <MountedOnceShown shown={props.open}>
      <ModalDialogFrame {...props} />
    </MountedOnceShown>
  );
}
