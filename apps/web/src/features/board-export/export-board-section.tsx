import "./board-export.css";
import { useT } from "../../i18n/use-t";
import { boardExportUrl } from "./board-export-api";

/** A download of the whole board (settings, demands, full history) as one JSON file. */
export function ExportBoardSection({ boardId }: { boardId: string }) {
  const t = useT();
  return (
    <section className="settings-section" aria-labelledby="export-board-title">
      <h2 id="export-board-title">{t("boardExport.title")}</h2>
      <p className="quiet-link">{t("boardExport.explanation")}</p>
      <a className="download-button" href={boardExportUrl(boardId)} download>
        {t("boardExport.export")}
      </a>
    </section>
  );
}
