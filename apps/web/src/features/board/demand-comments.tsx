import type { TComment, TDemand } from "@tideway/contracts";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { FormError } from "../../ui/form-error";
import { formatInstant } from "../../ui/format-time";
import { useSession } from "../auth/session-store";
import { canEdit } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { addComment, deleteComment, editComment, fetchComments } from "./card-record-api";
import { useCardRecordEvents } from "./card-record-store";
import { MarkdownText } from "./markdown-text";
import { OwnerInitials } from "./owner-initials";

/**
 * The conversation about a demand. Everyone on the board reads it; members
 * and admins write; authors edit and delete their own comments, admins
 * delete any. Comments from others arrive live (`comment.changed`).
 */
export function DemandComments({ demand }: { demand: TDemand }) {
  const headingId = useId();
  const changes = useCardRecordEvents((s) => s.commentChanges[demand.id] ?? 0);
  const comments = useResource(["demand-comments", demand.id], () => fetchComments(demand.id), {
    failureMessage: "The comments could not be loaded.",
    refreshKey: changes,
  });
  const writable = useBoardStore(canEdit);
  const list = comments.data ?? [];
  return (
    <section className="demand-comments" aria-labelledby={headingId}>
      <h3 id={headingId}>Comments{list.length > 0 ? ` (${list.length})` : ""}</h3>
      {comments.status === "failed" && <p>The comments could not be loaded.</p>}
      {comments.data && list.length === 0 && <p className="muted">No comments yet.</p>}
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
      setError(caught instanceof ApiError ? caught.message : "The comment could not be deleted.");
    }
  }

  return (
    <li className="comment" data-comment-id={comment.id}>
      <p className="comment-head">
        {comment.author && <OwnerInitials name={comment.author.name} decorative />}
        <strong>{comment.author?.name ?? "A former member"}</strong>
        <time dateTime={comment.createdAt}>{formatInstant(comment.createdAt)}</time>
        {comment.editedAt && <span className="muted">(edited)</span>}
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
        <MarkdownText text={comment.body} />
      )}
      {!editing && (mine || deletable) && (
        <p className="comment-actions">
          {mine && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {deletable && (
            <button type="button" className="link-button danger-quiet" onClick={() => void remove()}>
              Delete
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = props.commentId ? "Edit comment" : "Add a comment";

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
      setError(caught instanceof ApiError ? caught.message : "The comment could not be saved.");
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
          placeholder="Markdown; @Full Name notifies a board member"
          required
        />
      </label>
      <FormError error={error} />
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {props.commentId ? "Save comment" : "Comment"}
        </button>
      </div>
    </form>
  );
}
