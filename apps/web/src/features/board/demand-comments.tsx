import type { TComment, TDemand } from "@tideway/contracts";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { ApiError } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { formatInstant } from "../../ui/format";
import { useSession } from "../auth/session-store";
import { canEdit } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { addComment, deleteComment, editComment, fetchComments } from "./card-record-api";
import { OwnerInitials } from "./owner-initials";

// The markdown parser is a large part of the code (micromark, unified): it loads when the first
// comment is shown, not with the board; until then a comment shows as the plain text it is.
const MarkdownText = lazy(() =>
  import("./markdown-text").then((module) => ({ default: module.MarkdownText })),
);

/**
 * The conversation about a demand. Everyone on the board reads it; members
 * and admins write; authors edit and delete their own comments, admins
 * delete any. Comments from others arrive live (`comment.changed`).
 */
export function DemandComments({ demand }: { demand: TDemand }) {
  const headingId = useId();
  const t = useT();
  // Others' comments arrive through the board's socket, which refetches this key (api/board-event-cache.ts).
  const comments = useResource(queryKeys.demandComments(demand.id), () => fetchComments(demand.id), {
    failureMessage: t("comments.loadFailed"),
  });
  const writable = useBoardStore(canEdit);
  const list = comments.data ?? [];
  return (
    <section className="demand-comments" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("comments.title", { count: list.length })}</h3>
      {comments.status === "failed" && <p>{t("comments.loadFailed")}</p>}
      {comments.data && list.length === 0 && <p className="muted">{t("comments.none")}</p>}
      <ol className="comment-list">
        {list.map((comment) => (
          <CommentItem key={comment.id} comment={comment} onChange={() => void comments.reload()} />
        ))}
      </ol>
      {writable && <CommentForm demandId={demand.id} onPosted={() => void comments.reload()} />}
    </section>
  );
}

function CommentItem({ comment, onChange }: { comment: TComment; onChange: () => void }) {
  const userId = useSession((s) => s.user?.id);
  const t = useT();
  const role = useBoardStore((s) => s.role);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = comment.author !== null && comment.author.id === userId && role !== "viewer";
  const deletable = mine || role === "admin";

  async function remove() {
    setError(null);
    try {
      await deleteComment(comment.id);
      onChange();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("comments.deleteFailed"));
    }
  }

  return (
    <li className="comment" data-comment-id={comment.id}>
      <p className="comment-head">
        {comment.author && <OwnerInitials name={comment.author.name} decorative />}
        <strong>{comment.author?.name ?? t("comments.formerMember")}</strong>
        <time dateTime={comment.createdAt}>{formatInstant(comment.createdAt)}</time>
        {comment.editedAt && <span className="muted">{t("comments.edited")}</span>}
      </p>
      {editing ? (
        <CommentForm
          commentId={comment.id}
          initial={comment.body}
          onPosted={() => {
            setEditing(false);
            onChange();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Suspense fallback={<div className="markdown-text">{comment.body}</div>}>
          <MarkdownText text={comment.body} />
        </Suspense>
      )}
      {!editing && (mine || deletable) && (
        <p className="comment-actions">
          {mine && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t("comments.edit")}
            </button>
          )}
          {deletable && (
            <button type="button" className="link-button danger-quiet" onClick={() => void remove()}>
              {t("comments.delete")}
            </button>
          )}
        </p>
      )}
      <FormError error={error} />
    </li>
  );
}

/** A new comment on `demandId`, or a new text for `commentId`. */
function CommentForm(
  props:
    | {
        demandId: string;
        onPosted: () => void;
        commentId?: undefined;
        initial?: undefined;
        onCancel?: undefined;
      }
    | {
        commentId: string;
        initial: string;
        onPosted: () => void;
        onCancel: () => void;
        demandId?: undefined;
      },
) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = props.commentId ? t("comments.editLabel") : t("comments.addLabel");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = String(new FormData(form).get("body") ?? "").trim();
    if (body === "") return;
    setBusy(true);
    setError(null);
    try {
      if (props.commentId !== undefined) await editComment(props.commentId, body);
      else await addComment(props.demandId, body);
      form.reset();
      props.onPosted();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("comments.saveFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-form" aria-label={label} onSubmit={(event) => void submit(event)}>
      <label>
        {label}
        <textarea
          name="body"
          rows={3}
          maxLength={10_000}
          defaultValue={props.initial ?? ""}
          placeholder={t("comments.placeholder")}
          required
        />
      </label>
      <FormError error={error} />
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t("comments.cancel")}
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {props.commentId ? t("comments.save") : t("comments.post")}
        </button>
      </div>
    </form>
  );
}
