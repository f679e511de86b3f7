import { type TBoardMember, type TBoardRole, ZBoardRole } from "@tideway/contracts";
import type { FormEvent } from "react";
import { useResource } from "../../api/use-resource";
import { useSession } from "../auth/session-store";
import { addMember, changeMemberRole, listMembers, removeMember } from "./settings-api";
import { useSettingsChange } from "./use-settings-change";

const ROLE_LABELS: Record<TBoardRole, string> = {
  viewer: "Viewer (reads the board and dashboard)",
  member: "Member (moves and edits demands)",
  admin: "Admin (also settings and members)",
};

function RoleOptions() {
  return ZBoardRole.options.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

/**
 * Who is on the board and what they may do. Board admins only: the list holds
 * emails. People are added by the email they signed up with; the server
 * refuses taking the last admin's role away, and says so.
 */
export function MemberSettings({ boardId }: { boardId: string }) {
  const list = useResource(["members", boardId], () => listMembers(boardId).then(({ members }) => members), {
    failureMessage: "The members could not be loaded.",
  });
  const members = list.data;
  const { busy, run } = useSettingsChange();

  // Every answer carries the whole list; a refused change reloads it, so a select shows the role kept.
  const change = (request: () => Promise<{ members: TBoardMember[] }>) =>
    run(async () => {
      try {
        list.replace((await request()).members);
      } catch (error) {
        list.replace((await listMembers(boardId)).members);
        throw error;
      }
    });

  return (
    <section className="settings-section" aria-labelledby="member-settings-title">
      <h2 id="member-settings-title">Members</h2>
      <p className="hint">
        Add people by the email they signed up to Tideway with (without an account, they create one at{" "}
        <code>{`${window.location.origin}/sign-up`}</code>). Everyone on the board sees its demands and
        dashboard; members also move and edit demands; admins also change settings and members.
      </p>
      {list.error && <p role="alert">{list.error}</p>}
      {members && (
        <ul className="settings-list" aria-label="Members">
          {members.map((member) => (
            <li key={member.userId} className="settings-item">
              <MemberRow
                member={member}
                busy={busy}
                onRole={(role) => void change(() => changeMemberRole(boardId, member.userId, role))}
                onRemove={() => void change(() => removeMember(boardId, member.userId))}
              />
            </li>
          ))}
        </ul>
      )}
      <AddMemberForm busy={busy} onAdd={(email, role) => change(() => addMember(boardId, { email, role }))} />
    </section>
  );
}

function MemberRow({
  member,
  busy,
  onRole,
  onRemove,
}: {
  member: TBoardMember;
  busy: boolean;
  onRole: (role: TBoardRole) => void;
  onRemove: () => void;
}) {
  const you = useSession((s) => s.user?.id === member.userId);
  return (
    <div className="settings-row" data-member={member.email}>
      <span className="grow">
        <strong>{member.name}</strong>
        {you && " (you)"} <span className="hint">{member.email}</span>
      </span>
      <label>
        Role
        {/* Controlled: it shows the role the server holds, also after a refused change. */}
        <select
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={busy}
          onChange={(event) => onRole(ZBoardRole.parse(event.currentTarget.value))}
        >
          <RoleOptions />
        </select>
      </label>
      {/* You leave from the board page (Leave this board): this page would lose the board the moment it succeeded. */}
      {!you && (
        <span className="settings-actions">
          <button type="button" className="danger-quiet" disabled={busy} onClick={onRemove}>
            Remove {member.name}
          </button>
        </span>
      )}
    </div>
  );
}

function AddMemberForm({
  busy,
  onAdd,
}: {
  busy: boolean;
  onAdd: (email: string, role: TBoardRole) => Promise<boolean>;
}) {
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const added = await onAdd(String(form.get("email") ?? "").trim(), ZBoardRole.parse(form.get("role")));
    if (added) formElement.reset();
  }

  return (
    <form className="settings-row add-row" aria-label="Add a member" onSubmit={(event) => void submit(event)}>
      <label className="grow">
        Email
        <input name="email" type="email" required maxLength={254} autoComplete="off" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="member">
          <RoleOptions />
        </select>
      </label>
      <button type="submit" disabled={busy}>
        Add member
      </button>
    </form>
  );
}
