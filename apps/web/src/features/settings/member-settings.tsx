import {
  type TBoardMember,
  type TBoardRole,
  type TInvitation,
  type TInvitationCreated,
  ZBoardRole,
} from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useSession } from "../auth/session-store";
import {
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  withdrawInvitation,
} from "./settings-api";
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
 * emails. People are invited by email: the admin gets a single-use link to
 * send (Tideway emails it too when mail is set up), the same whether or not
 * the person has an account. The server refuses taking the last admin's
 * role away, and says so.
 */
export function MemberSettings({ boardId }: { boardId: string }) {
  const list = useResource(
    queryKeys.members(boardId),
    () => listMembers(boardId).then(({ members }) => members),
    {
      failureMessage: "The members could not be loaded.",
    },
  );
  const members = list.data;
  const pending = useResource(
    queryKeys.invitations(boardId),
    () => listInvitations(boardId).then(({ invitations }) => invitations),
    { failureMessage: "The pending invitations could not be loaded." },
  );
  const [created, setCreated] = useState<TInvitationCreated | null>(null);
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
        Invite people by email: you get a link to send them, which works once, for 7 days. With it they join
        the board, creating their Tideway account first if they have none. Everyone on the board sees its
        demands and dashboard; members also move and edit demands; admins also change settings and members.
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
      <AddMemberForm
        busy={busy}
        onAdd={(email, role) =>
          run(async () => {
            const answer = await inviteMember(boardId, { email, role });
            setCreated(answer);
            pending.replace(answer.invitations);
          }, "Invitation created.")
        }
      />
      {created && <InvitationLink created={created} />}
      {pending.data && pending.data.length > 0 && (
        <PendingInvitations
          invitations={pending.data}
          busy={busy}
          onWithdraw={(invitation) =>
            void run(async () => {
              pending.replace((await withdrawInvitation(boardId, invitation.id)).invitations);
              if (created?.invitation.id === invitation.id) setCreated(null);
            }, "Invitation withdrawn.")
          }
        />
      )}
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
    <form
      className="settings-row add-row"
      aria-label="Invite a member"
      onSubmit={(event) => void submit(event)}
    >
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
        Invite
      </button>
    </form>
  );
}

/** The new invitation's link, shown once (only its hash is stored), to copy and send. */
function InvitationLink({ created }: { created: TInvitationCreated }) {
  const link = `${window.location.origin}${created.path}`;
  const [copied, setCopied] = useState(false);
  const id = `invitation-link-${created.invitation.id}`;
  return (
    <div className="settings-row invitation-link">
      <label className="grow" htmlFor={id}>
        Invitation link for {created.invitation.email}
        {created.emailed ? " (also emailed to them)" : ""}
      </label>
      <input id={id} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy link"}
      </button>
      <p className="hint">
        Shown only now: send it to them. It works once, until {created.invitation.expiresAt.slice(0, 10)}.
      </p>
    </div>
  );
}

function PendingInvitations({
  invitations,
  busy,
  onWithdraw,
}: {
  invitations: TInvitation[];
  busy: boolean;
  onWithdraw: (invitation: TInvitation) => void;
}) {
  return (
    <>
      <h3>Invited, not joined yet</h3>
      <ul className="settings-list" aria-label="Pending invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="settings-item">
            <div className="settings-row">
              <span className="grow">
                <strong>{invitation.email}</strong>{" "}
                <span className="hint">
                  as {invitation.role}, until {invitation.expiresAt.slice(0, 10)}
                </span>
              </span>
              <button
                type="button"
                className="danger-quiet"
                disabled={busy}
                onClick={() => onWithdraw(invitation)}
              >
                Withdraw invitation of {invitation.email}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
