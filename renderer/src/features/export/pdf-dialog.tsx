/**
 * "Save as PDF": the report's options (paper, the student's name for the cover, a plan to
 * compare with) before the save dialog. The report itself is the print route (features/print).
 */
import { useId, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { ReportStudentNameSchema } from '../../../../shared/plan/schema';
import { Field } from '../../components/field';
import { nameProblem } from '../../components/name-problem';
import type { Paper } from './files-api';

const STUDENT_NAME_WORDS = { subject: "The student's name", empty: '' };

export interface PdfOptions {
  paper: Paper;
  studentName: string;
  compareWithId: number | null;
}

interface PdfDialogProps {
  planName: string;
  /** Other plans the report can be compared with. */
  others: Array<{ id: number; name: string }>;
  initial: PdfOptions;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (options: PdfOptions) => void;
}

export function PdfDialog({ planName, others, initial, busy, error, onCancel, onSave }: PdfDialogProps) {
  const [options, setOptions] = useState(initial);
  const paperName = useId();
  const [nameError, setNameError] = useState<string | null>(null);
  const set = <K extends keyof PdfOptions>(key: K, value: PdfOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const save = () => {
    if (busy) return;
    const problem = nameProblem(ReportStudentNameSchema, options.studentName, STUDENT_NAME_WORDS);
    setNameError(problem);
    if (!problem) onSave(options);
  };
  return (
    <Dialog
      open
      size="medium"
      title="Save a PDF report"
      description={
        <>
          A report of “{planName}” to print or file: the pathway, the charts, the year-by-year table, the
          assumptions and every source.
        </>
      }
      onClose={onCancel}
      onSubmit={save}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Making the PDF…' : 'Save PDF…'}
          </button>
        </>
      }
    >
      <div className="export-form">
        <fieldset className="choice-group">
          <legend className="field__label">Paper size</legend>
          <label className="choice">
            <input
              type="radio"
              name={paperName}
              checked={options.paper === 'letter'}
              onChange={() => set('paper', 'letter')}
            />
            <span>
              Letter <span className="muted">(8.5 × 11 in, U.S. and Canada)</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name={paperName} checked={options.paper === 'a4'} onChange={() => set('paper', 'a4')} />
            <span>
              A4 <span className="muted">(210 × 297 mm)</span>
            </span>
          </label>
        </fieldset>
        <Field
          label="Student's name"
          hint="Printed on the report. Leave it empty for an unnamed report."
          error={nameError ?? undefined}
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={options.studentName}
              dir="auto"
              autoComplete="off"
              onChange={(event) => {
                set('studentName', event.target.value);
                setNameError(null);
              }}
            />
          )}
        </Field>
        <Field
          label="Compare with"
          hint={
            others.length === 0
              ? 'Make a second plan to compare this one with.'
              : 'Adds the other plan to the charts and says when this one catches up (break-even).'
          }
        >
          {(c) => (
            <select
              {...c}
              className="input input--select"
              value={options.compareWithId ?? ''}
              disabled={others.length === 0}
              onChange={(event) => set('compareWithId', event.target.value === '' ? null : Number(event.target.value))}
            >
              <option value="">No comparison</option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
