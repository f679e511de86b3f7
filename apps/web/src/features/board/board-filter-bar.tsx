import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/use-t";
import { useSearchParams } from "../../routing";
import {
  type BoardFilter,
  boardFilterFromParams,
  isFiltering,
  NO_FILTER,
  NO_OWNER,
  paramsWithBoardFilter,
} from "./board-filter";
import { useBoardStore } from "./board-store";
import { DEMAND_TYPE_NAMES, DEMAND_TYPES } from "./demand-fields";
import { useBoardFilter, useVisibleDemandIds } from "./use-visible-demand-ids";

/** Whether a key press was typed into something (then "/" is a character, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The board's search and filters: text (key and title), owner, type, lane,
 * blocked and past SLE. Each change applies at once and replaces the URL, so
 * a reload or a shared link shows the same cards; "/" jumps to the search.
 */
export function BoardFilterBar() {
  const [, setParams] = useSearchParams();
  const t = useT();
  const filter = useBoardFilter();
  const members = useBoardStore((s) => s.members);
  const lanes = useBoardStore((s) => s.lanes);
  const total = useBoardStore((s) => Object.keys(s.demands).length);
  const visible = useVisibleDemandIds();
  const search = useRef<HTMLInputElement>(null);
  // The box shows what is typed at once; the URL follows a moment later and must not undo keystrokes.
  const [text, setText] = useState(filter.text);
  useEffect(() => {
    if (document.activeElement !== search.current) setText(filter.text);
  }, [filter.text]);

  useEffect(() => {
    const focusSearch = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target))
        return;
      event.preventDefault();
      search.current?.focus();
    };
    document.addEventListener("keydown", focusSearch);
    return () => document.removeEventListener("keydown", focusSearch);
  }, []);

  const change = (part: Partial<BoardFilter>) => {
    if (part.text !== undefined) setText(part.text);
    setParams((current) => paramsWithBoardFilter(current, { ...boardFilterFromParams(current), ...part }), {
      replace: true,
    });
  };

  return (
    <search className="board-filters" aria-label={t("filter.label")}>
      <input
        ref={search}
        type="search"
        className="board-search"
        aria-label={t("filter.search")}
        aria-keyshortcuts="/"
        placeholder={t("filter.searchPlaceholder")}
        value={text}
        onChange={(event) => change({ text: event.target.value })}
      />
      <select
        aria-label={t("filter.owner")}
        value={filter.ownerId ?? ""}
        onChange={(event) => change({ ownerId: event.target.value || null })}
      >
        <option value="">{t("filter.anyOwner")}</option>
        {members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
        <option value={NO_OWNER}>{t("filter.noOwner")}</option>
      </select>
      <select
        aria-label={t("filter.type")}
        value={filter.type ?? ""}
        onChange={(event) => {
          const type = DEMAND_TYPES.find((option) => option === event.target.value);
          change({ type: type ?? null });
        }}
      >
        <option value="">{t("filter.anyType")}</option>
        {DEMAND_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(DEMAND_TYPE_NAMES[type])}
          </option>
        ))}
      </select>
      <select
        aria-label={t("filter.lane")}
        value={filter.laneId ?? ""}
        onChange={(event) => change({ laneId: event.target.value || null })}
      >
        <option value="">{t("filter.anyLane")}</option>
        {lanes.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {lane.name}
          </option>
        ))}
      </select>
      <label className="inline">
        <input
          type="checkbox"
          checked={filter.blocked}
          onChange={(event) => change({ blocked: event.target.checked })}
        />
        {t("filter.blocked")}
      </label>
      <label className="inline" title={t("filter.pastSleTitle")}>
        <input
          type="checkbox"
          checked={filter.pastSle}
          onChange={(event) => change({ pastSle: event.target.checked })}
        />
        {t("filter.pastSle")}
      </label>
      {isFiltering(filter) && (
        <button type="button" className="link-button" onClick={() => change(NO_FILTER)}>
          {t("filter.clear")}
        </button>
      )}
      <output className="filter-summary" aria-live="polite">
        {visible ? t("filter.summary", { shown: visible.size, total }) : ""}
      </output>
    </search>
  );
}
