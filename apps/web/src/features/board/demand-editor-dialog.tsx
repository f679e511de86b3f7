import { ModalDialog } from "../../ui/modal-dialog";
import { ArchiveDemandButton } from "./archive-demand-button";
import { BlockDemandForm } from "./block-demand-form";
import { canEdit } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { DemandChecklist } from "./demand-checklist";
import { DemandCodePanel } from "./demand-code-panel";
import { DemandComments } from "./demand-comments";
import { DemandDependencies } from "./demand-dependencies";
import { DemandDetailsForm } from "./demand-details-form";
import { useDemandEditor } from "./demand-editor-store";
import { DemandJourney } from "./demand-journey";
import { DemandLinks } from "./demand-links";
import { OwnerPicker } from "./owner-picker";

/** Everything about one demand: its details, this stage's checks, its pipeline record, blocking and archiving. */
export function DemandEditorDialog() {
  const demandId = useDemandEditor((s) => s.demandId);
  const close = useDemandEditor((s) => s.close);
  const demand = useBoardStore((s) => (demandId ? s.demands[demandId] : undefined));
  const editable = useBoardStore(canEdit);
  return (
    <ModalDialog
      open={demand !== undefined}
      title={demand ? `${demand.key} ${demand.title}` : ""}
      onClose={close}
    >
      {demand && (
        <div className="demand-editor">
          <DemandDetailsForm key={demand.id} demand={demand} editable={editable} />
          <OwnerPicker key={`owner-${demand.id}`} demand={demand} editable={editable} />
          <DemandChecklist demand={demand} editable={editable} />
          <DemandLinks key={`links-${demand.id}`} demand={demand} editable={editable} />
          <DemandDependencies key={`dependencies-${demand.id}`} demand={demand} editable={editable} />
          <DemandJourney demand={demand} />
          <DemandComments demand={demand} />
          <DemandCodePanel demand={demand} />
          {editable && <BlockDemandForm key={`block-${demand.id}`} demand={demand} />}
          {editable && <ArchiveDemandButton key={`archive-${demand.id}`} demand={demand} />}
        </div>
      )}
    </ModalDialog>
  );
}
