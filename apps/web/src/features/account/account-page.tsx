import { PASSWORD_MIN_LENGTH, type TApiToken, type TCreatedToken } from "@tideway/contracts";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { queryClient } from "../../api/query-client";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { FormError } from "../../ui/form-error";
import { formatDay, formatInstant } from "../../ui/format";
import { PasswordField } from "../../ui/password-field";
import { useSession } from "../auth/session-store";
import {
  changePassword,
  createApiToken,
  deleteAccount,
  fetchApiTokens,
  revokeApiToken,
  signOutOtherSessions,
} from "./account-api";
import "./account.css";

/** The sentence a refusal shows: the server's for what it refused, ours when the request never got an answer. */
function refusal(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : translate("account.failed");
}

/**
 * "Your account" (`/account`): change the password, sign out other sessions,
 * manage personal API tokens, delete the account. Every rule (the password
 * policy, a token cannot mint tokens, the last admin of a shared board) is the
 * server's; the page shows its sentences.
 */
export function AccountPage() {
  const t = useT();
  const user = useSession((s) => s.user);
  useEffect(() => {
    document.title = `${t("account.title")} · Tideway`;
  }, [t]);
  return (
    <main className="account-page">
      <h1>{t("account.title")}</h1>
      {user && <p className="muted">{t("account.signedInAs", { name: user.name, email: user.email })}</p>}
      <PasswordSection />
      <SessionsSection />
      <TokensSection />
      <DeleteSection />
    </main>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="account-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PasswordSection() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    setDone(false);
    try {
      await changePassword({
        currentPassword: String(data.get("currentPassword")),
        newPassword: String(data.get("newPassword")),
      });
      form.reset();
      setDone(true);
    } catch (caught) {
      setError(refusal(caught));
    }
  }
  return (
    <Section id="account-password" title={t("account.password.title")}>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <PasswordField label={t("account.password.current")} name="currentPassword" choosing={false} />
        <PasswordField
          label={t("account.password.new", { minimum: PASSWORD_MIN_LENGTH })}
          name="newPassword"
          choosing
        />
        <FormError error={error} />
        {done && <output className="account-done">{t("account.password.changed")}</output>}
        <Button type="submit" variant="primary">
          {t("account.password.submit")}
        </Button>
      </form>
    </Section>
  );
}

function SessionsSection() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function signOutOthers() {
    setError(null);
    try {
      await signOutOtherSessions();
      setDone(true);
    } catch (caught) {
      setError(refusal(caught));
    }
  }
  return (
    <Section id="account-sessions" title={t("account.sessions.title")}>
      <p>{t("account.sessions.explain")}</p>
      <FormError error={error} />
      {done && <output className="account-done">{t("account.sessions.done")}</output>}
      <Button onClick={() => void signOutOthers()}>{t("account.sessions.submit")}</Button>
    </Section>
  );
}

function TokensSection() {
  const t = useT();
  const tokens = useResource(queryKeys.apiTokens(), fetchApiTokens, {
    failureMessage: t("account.tokens.loadFailed"),
  });
  const [created, setCreated] = useState<TCreatedToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens() });

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = String(data.get("expiresInDays") ?? "");
    setError(null);
    try {
      setCreated(await createApiToken(String(data.get("name")), days === "" ? undefined : Number(days)));
      form.reset();
      await refresh();
    } catch (caught) {
      setError(refusal(caught));
    }
  }
  async function revoke(token: TApiToken) {
    setError(null);
    try {
      await revokeApiToken(token.id);
      if (created?.id === token.id) setCreated(null);
      await refresh();
    } catch (caught) {
      setError(refusal(caught));
    }
  }

  return (
    <Section id="account-tokens" title={t("account.tokens.title")}>
      <p>{t("account.tokens.explain")}</p>
      {tokens.error && <p role="alert">{tokens.error}</p>}
      {tokens.data && tokens.data.length === 0 && <p className="muted">{t("account.tokens.none")}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="account-tokens">
          <thead>
            <tr>
              <th scope="col">{t("account.tokens.name")}</th>
              <th scope="col">{t("account.tokens.created")}</th>
              <th scope="col">{t("account.tokens.lastUsed")}</th>
              <th scope="col">{t("account.tokens.expires")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("account.tokens.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>{formatDay(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt) : t("account.tokens.neverUsed")}</td>
                <td>{token.expiresAt ? formatDay(token.expiresAt) : t("account.tokens.noExpiry")}</td>
                <td>
                  <Button variant="danger" onClick={() => void revoke(token)}>
                    {t("account.tokens.revoke", { name: token.name })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created && (
        <div className="account-new-token" role="status">
          <p>{t("account.tokens.copyNow", { name: created.name })}</p>
          <code data-testid="new-token">{created.token}</code>
        </div>
      )}
      <form className="account-form account-form-inline" onSubmit={(event) => void create(event)}>
        <TextField label={t("account.tokens.name")} name="name" required maxLength={100} />
        <TextField
          label={t("account.tokens.expiresInDays")}
          name="expiresInDays"
          type="number"
          min={1}
          max={3650}
        />
        <Button type="submit">{t("account.tokens.create")}</Button>
      </form>
      <FormError error={error} />
    </Section>
  );
}

function DeleteSection() {
  const t = useT();
  const [, navigate] = useLocation();
  const expire = useSession((s) => s.expire);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    try {
      await deleteAccount(String(data.get("password")));
      expire();
      navigate("/sign-in");
    } catch (caught) {
      setError(refusal(caught));
    }
  }
  return (
    <Section id="account-delete" title={t("account.delete.title")}>
      <p>{t("account.delete.explain")}</p>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <PasswordField label={t("account.delete.password")} choosing={false} />
        <FormError error={error} />
        <Button type="submit" variant="danger">
          {t("account.delete.submit")}
        </Button>
      </form>
    </Section>
  );
}
