import "./board-export.css";
import { boardExportUrl } from "./board-export-api";

/** A download of the whole board (settings, demands, full history) as one JSON file. */
export function ExportBoardSection({ boardId }: { boardId: string }) {
  return (
    <section className="settings-section" aria-labelledby="export-board-title">
      <h2 id="export-board-title">Export</h2>
      <p className="quiet-link">
        One JSON file with the board's settings, demands, full transition log and pipeline events; no secrets
        or emails. "Import board" on the boards page recreates it, here or on another install, with the same
        metrics.
      </p>
      <a className="download-button" href={boardExportUrl(boardId)} download>
        Export board
      </a>
    </section>
  );
}
