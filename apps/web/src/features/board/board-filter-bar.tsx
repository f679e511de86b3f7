import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import {
  type BoardFilter,
  boardFilterFromParams,
  isFiltering,
  NO_FILTER,
  NO_OWNER,
  paramsWithBoardFilter,
} from "./board-filter";
import { useBoardStore } from "./board-store";
import { DEMAND_TYPES } from "./demand-fields";
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
    <search className="board-filters" aria-label="Filter the cards">
      <input
        ref={search}
        type="search"
        className="board-search"
        aria-label="Search cards by key or title"
        aria-keyshortcuts="/"
        placeholder="Search key or title  ( / )"
        value={text}
        onChange={(event) => change({ text: event.target.value })}
      />
      <select
        aria-label="Owner"
        value={filter.ownerId ?? ""}
        onChange={(event) => change({ ownerId: event.target.value || null })}
      >
        <option value="">Any owner</option>
        {members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.name}
          </option>
        ))}
        <option value={NO_OWNER}>No owner</option>
      </select>
      <select
        aria-label="Type"
        value={filter.type ?? ""}
        onChange={(event) => {
          const type = DEMAND_TYPES.find((option) => option === event.target.value);
          change({ type: type ?? null });
        }}
      >
        <option value="">Any type</option>
        {DEMAND_TYPES.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select
        aria-label="Lane"
        value={filter.laneId ?? ""}
        onChange={(event) => change({ laneId: event.target.value || null })}
      >
        <option value="">Any lane</option>
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
        Blocked
      </label>
      <label className="inline" title="In progress for longer than 85% of recent deliveries took">
        <input
          type="checkbox"
          checked={filter.pastSle}
          onChange={(event) => change({ pastSle: event.target.checked })}
        />
        Past SLE
      </label>
      {isFiltering(filter) && (
        <button type="button" className="link-button" onClick={() => change(NO_FILTER)}>
          Clear filters
        </button>
      )}
      <output className="filter-summary" aria-live="polite">
        {visible ? `Showing ${visible.size} of ${total} cards; stage counts include them all` : ""}
      </output>
    </search>
  );
}
