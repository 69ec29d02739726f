/** The planner header's export group: a PDF report, the table as CSV, the plan as a file. */
import './export.css';

export type ExportKind = 'pdf' | 'csv' | 'plans';

export function ExportButtons({ onExport, disabled }: { onExport: (kind: ExportKind) => void; disabled?: boolean }) {
  return (
    <div className="export-buttons" role="group" aria-label="Export this plan">
      <span className="export-buttons__label" aria-hidden="true">
        Export
      </span>
      <button type="button" className="button button--secondary button--small" disabled={disabled} onClick={() => onExport('pdf')}>
        PDF report
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={disabled}
        title="The year-by-year table, for a spreadsheet"
        onClick={() => onExport('csv')}
      >
        CSV table
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={disabled}
        title="The plan itself, to open on another computer"
        onClick={() => onExport('plans')}
      >
        Plan file
      </button>
    </div>
  );
}
