import { useId, useState } from "react";
import { Button } from "../../ui/button";
import { MarkdownText } from "./markdown-text";

const TEXT = {
  label: "Description",
  write: "Write",
  preview: "Preview",
  empty: "No description.",
  hint: "Markdown: **bold**, _italic_, - lists, [links](https://…)",
};

/**
 * The demand's description in markdown, shown as comments are (MarkdownText:
 * no raw HTML, safe links). People who may edit switch between writing and a
 * preview; it opens on the preview when there is something to read. The
 * text is submitted with the card's form as `description` in either mode.
 */
export function DescriptionField({ defaultValue, editable }: { defaultValue: string; editable: boolean }) {
  const labelId = useId();
  const [text, setText] = useState(defaultValue);
  const [previewing, setPreviewing] = useState(!editable || defaultValue.trim() !== "");
  const rendered = text.trim() === "" ? <p className="quiet">{TEXT.empty}</p> : <MarkdownText text={text} />;

  return (
    <div className="description-field">
      <div className="description-head">
        <span id={labelId} className="field-label">
          {TEXT.label}
        </span>
        {editable && (
          <div className="description-modes">
            <Button aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
              {TEXT.write}
            </Button>
            <Button aria-pressed={previewing} onClick={() => setPreviewing(true)}>
              {TEXT.preview}
            </Button>
          </div>
        )}
      </div>
      {previewing ? (
        <section className="description-preview" aria-labelledby={labelId} data-testid="description-preview">
          {rendered}
          <input type="hidden" name="description" value={text} />
        </section>
      ) : (
        <>
          <textarea
            name="description"
            aria-labelledby={labelId}
            value={text}
            rows={5}
            maxLength={20_000}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <p className="field-hint">{TEXT.hint}</p>
        </>
      )}
    </div>
  );
}
