import type { ReactNode } from "react";

/**
 * One colour per team in the portfolio's charts (at least 3:1 against the
 * white page, WCAG's bar for graphics), the organisation in near-black and
 * drawn thicker: the line a lead reads first.
 */
const TEAM_PALETTE = ["#1f5fbf", "#b54708", "#0e7c86", "#7a5ea8", "#a23b72", "#2e8540", "#5b6677"];

export const ORGANISATION_COLOR = "#1b2330";

export function teamColor(index: number): string {
  return TEAM_PALETTE[index % TEAM_PALETTE.length] ?? ORGANISATION_COLOR;
}

/** What every chart of the portfolio shares: it fills its panel's width, and draws no keyboard layer of its own. */
export function chartFrame(height: number) {
  return {
    responsive: true,
    style: { width: "100%", height },
    margin: { top: 8, right: 12, bottom: 0, left: 0 },
    accessibilityLayer: false,
  } as const;
}

/** One panel of the portfolio dashboard: a heading, a line on how to read it, its content. */
export function PortfolioPanel(props: {
  name: string;
  title: string;
  note?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `portfolio-${props.name}`;
  return (
    <section className="portfolio-panel" aria-labelledby={headingId} data-testid={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      {props.note && <p className="portfolio-panel-note">{props.note}</p>}
      {props.children}
    </section>
  );
}

/** The key under a chart: a swatch and a name per series. */
export function ChartKey({ entries }: { entries: readonly { name: string; color: string }[] }) {
  return (
    <ul className="portfolio-chart-key">
      {entries.map((entry) => (
        <li key={entry.name}>
          <span className="portfolio-swatch" style={{ background: entry.color }} aria-hidden="true" />
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
