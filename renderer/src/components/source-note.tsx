/**
 * A small "source" disclosure next to a figure: closed it is one word; open it names the
 * publisher, dataset and period (or says the figure is an assumption and why). Built on
 * `<details>`, so it works with the keyboard and screen readers without script.
 */
import type { ReactNode } from 'react';
import { SeeSourceButton } from '../features/help/source-link';

interface SourceNoteProps {
  /** What the figure is, for the accessible name: "Source for Medical Assistant pay". */
  about: string;
  children: ReactNode;
  label?: string;
  /** The source cited: adds "See in Sources", which opens the Sources screen at it. */
  sourceId?: string | null;
}

export function SourceNote({ about, children, label = 'Source', sourceId }: SourceNoteProps) {
  return (
    <details className="source-note">
      <summary
        className="source-note__summary"
        aria-label={`${label} for ${about}`}
        title={`${label} for ${about}`}
      >
        {label}
      </summary>
      <div className="source-note__body">
        {children}
        {sourceId && (
          <span className="source-note__more">
            <SeeSourceButton sourceId={sourceId} />
          </span>
        )}
      </div>
    </details>
  );
}
