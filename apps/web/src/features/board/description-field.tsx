import { lazy, Suspense, useId, useState } from "react";
import { useT } from "../../i18n/use-t";
import { Button } from "../../ui/button";

// The markdown renderer (micromark, unified) loads on first use, as for comments: not in the board's first bundle.
const MarkdownText = lazy(() =>
  import("./markdown-text").then((module) => ({ default: module.MarkdownText })),
);

/**
 * The demand's description in markdown, shown as comments are (MarkdownText:
 * no raw HTML, safe links). People who may edit switch between writing and a
 * preview; it opens on the preview when there is something to read. The
 * text is submitted with the card's form as `description` in either mode.
 */
export function DescriptionField({ defaultValue, editable }: { defaultValue: string; editable: boolean }) {
  const labelId = useId();
  const t = useT();
  const [text, setText] = useState(defaultValue);
  const [previewing, setPreviewing] = useState(!editable || defaultValue.trim() !== "");
  const rendered =
    text.trim() === "" ? (
      <p className="quiet">{t("description.empty")}</p>
    ) : (
      <Suspense fallback={<div className="markdown-text">{text}</div>}>
        <MarkdownText text={text} />
      </Suspense>
    );

  return (
    <div className="description-field">
      <div className="description-head">
        <span id={labelId} className="field-label">
          {t("details.description")}
        </span>
        {editable && (
          <div className="description-modes">
            <Button aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
              {t("description.write")}
            </Button>
            <Button aria-pressed={previewing} onClick={() => setPreviewing(true)}>
              {t("description.preview")}
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
          <p className="field-hint">{t("description.hint")}</p>
        </>
      )}
    </div>
  );
}
