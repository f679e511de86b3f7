import { type TWipPolicy, ZWipPolicy } from "@tideway/contracts";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";

/**
 * A stage's or a lane's WIP limit and what happens at it. `children` sit
 * between the two fields (the stage rows put the advised limit there).
 */
export function WipLimitFields({
  limit = null,
  policy = "hard",
  children,
}: {
  limit?: number | null;
  policy?: TWipPolicy;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <label>
        {t("settings.wipLimit")}
        <input
          name="wipLimit"
          type="number"
          min={0}
          defaultValue={limit ?? ""}
          placeholder={t("settings.wipLimit.none")}
        />
      </label>
      {children}
      <label>
        {t("settings.wipPolicy")}
        <select name="wipPolicy" defaultValue={policy}>
          <option value="hard">{t("settings.wipPolicy.hard")}</option>
          <option value="soft">{t("settings.wipPolicy.soft")}</option>
        </select>
      </label>
    </>
  );
}

/** The limit and policy a form with `WipLimitFields` asks for; an unreadable policy keeps `fallback`. */
export function wipFieldsFrom(form: FormData, fallback: TWipPolicy = "hard") {
  return {
    wipLimit: limitFrom(form.get("wipLimit")),
    wipPolicy: ZWipPolicy.catch(fallback).parse(form.get("wipPolicy")),
  };
}

/** A limit field: empty means no limit. */
function limitFrom(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim();
  if (text === "") return null;
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 0 ? limit : null;
}
