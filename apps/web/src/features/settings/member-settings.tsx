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
import { useT } from "../../i18n/use-t";
import { formatDay } from "../../ui/format";
import { useSession } from "../auth/session-store";
import { EnumOptions } from "./enum-options";
import {
  changeMemberRole,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  withdrawInvitation,
} from "./settings-api";
import { useSettingsChange } from "./use-settings-change";

function RoleOptions() {
  const t = useT();
  return (
    <EnumOptions values={ZBoardRole.options} label={(role) => t("settings.members.roleOption", { role })} />
  );
}

/**
 * Who is on the board and what they may do. Board admins only: the list holds
 * emails. People are invited by email: the admin gets a single-use link to
 * send (Tideway emails it too when mail is set up), the same whether or not
 * the person has an account. The server refuses taking the last admin's
 * role away, and says so.
 */
export function MemberSettings({ boardId }: { boardId: string }) {
  const t = useT();
  const list = useResource(
    queryKeys.members(boardId),
    () => listMembers(boardId).then(({ members }) => members),
    { failureMessage: t("settings.members.loadFailed") },
  );
  const members = list.data;
  const pending = useResource(
    queryKeys.invitations(boardId),
    () => listInvitations(boardId).then(({ invitations }) => invitations),
    { failureMessage: t("settings.members.invitationsLoadFailed") },
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
      <h2 id="member-settings-title">{t("settings.members.title")}</h2>
      <p className="hint">{t("settings.members.hint")}</p>
      {list.error && <p role="alert">{list.error}</p>}
      {members && (
        <ul className="settings-list" aria-label={t("settings.members.title")}>
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
          }, t("settings.members.invited"))
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
            }, t("settings.members.withdrawn"))
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
  const t = useT();
  const you = useSession((s) => s.user?.id === member.userId);
  return (
    <div className="settings-row" data-member={member.email}>
      <span className="grow">
        <strong>{member.name}</strong>
        {you && ` ${t("settings.members.you")}`} <span className="hint">{member.email}</span>
      </span>
      <label>
        {t("settings.members.role")}
        {/* Controlled: it shows the role the server holds, also after a refused change. */}
        <select
          aria-label={t("settings.members.roleOf", { name: member.name })}
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
            {t("settings.members.remove", { name: member.name })}
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
  const t = useT();
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
      aria-label={t("settings.members.inviteLabel")}
      onSubmit={(event) => void submit(event)}
    >
      <label className="grow">
        {t("signIn.email")}
        <input name="email" type="email" required maxLength={254} autoComplete="off" />
      </label>
      <label>
        {t("settings.members.role")}
        <select name="role" defaultValue="member">
          <RoleOptions />
        </select>
      </label>
      <button type="submit" disabled={busy}>
        {t("settings.members.invite")}
      </button>
    </form>
  );
}

/** The new invitation's link, shown once (only its hash is stored), to copy and send. */
function InvitationLink({ created }: { created: TInvitationCreated }) {
  const t = useT();
  const link = `${window.location.origin}${created.path}`;
  const [copied, setCopied] = useState(false);
  const id = `invitation-link-${created.invitation.id}`;
  return (
    <div className="settings-row invitation-link">
      <label className="grow" htmlFor={id}>
        {t("settings.members.link", {
          email: created.invitation.email,
          emailed: created.emailed ? "yes" : "no",
        })}
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
        {t("settings.members.copy", { copied: copied ? "yes" : "no" })}
      </button>
      <p className="hint">
        {t("settings.members.linkHint", { until: formatDay(created.invitation.expiresAt) })}
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
  const t = useT();
  return (
    <>
      <h3>{t("settings.members.pending")}</h3>
      <ul className="settings-list" aria-label={t("settings.members.pendingLabel")}>
        {invitations.map((invitation) => (
          <li key={invitation.id} className="settings-item">
            <div className="settings-row">
              <span className="grow">
                <strong>{invitation.email}</strong>{" "}
                <span className="hint">
                  {t("settings.members.pendingAs", {
                    role: invitation.role,
                    until: formatDay(invitation.expiresAt),
                  })}
                </span>
              </span>
              <button
                type="button"
                className="danger-quiet"
                disabled={busy}
                onClick={() => onWithdraw(invitation)}
              >
                {t("settings.members.withdraw", { email: invitation.email })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
