/**
 * Importing a class list: choose a CSV file, see what would be imported and every line that
 * would not (with its line number and what is wrong), then confirm. Nothing is written before
 * the confirmation; main checks the rows again and imports them all or none.
 *
 * The file is read here with File.text() (a sandboxed page may read a file the user picked)
 * and only its text goes to main.
 */
import { useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ClassNameSchema } from '../../../../shared/ipc/counselor-contract';
import { Dialog } from '../../components/dialog';
import { nameProblem } from '../../components/name-problem';
import { counselorApi, counselorError, plural, type RosterPreview } from './counselor-api';
import { CLASS_NAME_WORDS } from './name-words';

const MAX_FILE_BYTES = 1_000_000;

interface RosterImportDialogProps {
  open: boolean;
  /** Offered as the class for lines without one. */
  defaultClass: string;
  onClose: () => void;
  onImported: (result: ChannelOutput<'roster:import'>) => void;
}

export function RosterImportDialog(props: RosterImportDialogProps) {
  // A fresh form every time it opens.
  return props.open ? <RosterImportForm {...props} /> : null;
}

function RosterImportForm({ open, defaultClass, onClose, onImported }: RosterImportDialogProps) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [fallbackClass, setFallbackClass] = useState(defaultClass);
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const check = async (csvText: string, className: string) => {
    const classProblem = className.trim() ? nameProblem(ClassNameSchema, className, CLASS_NAME_WORDS) : null;
    if (classProblem) {
      setPreview(null);
      setError(classProblem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setPreview(
        await counselorApi.previewRoster({
          csvText,
          ...(className.trim() ? { defaultClass: className.trim() } : {}),
        }),
      );
    } catch (e) {
      setPreview(null);
      setError(counselorError(e, 'reading the roster'));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setPreview(null);
    if (file.size > MAX_FILE_BYTES) {
      setText(null);
      setError(`${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; a roster is a small CSV file (at most 1 MB).`);
      return;
    }
    try {
      const content = await file.text();
      setText(content);
      await check(content, fallbackClass);
    } catch {
      setText(null);
      setError(`${file.name} could not be read. Save it again as CSV and try once more.`);
    }
  };

  const importRows = async () => {
    if (!preview || preview.rows.length === 0) return;
    setBusy(true);
    try {
      onImported(await counselorApi.importRoster(preview.rows));
    } catch (e) {
      setError(counselorError(e, 'importing the roster'));
      // The roster changed under us: show the lines as they stand now.
      if (text !== null) await check(text, fallbackClass);
    } finally {
      setBusy(false);
    }
  };

  const ready = preview?.rows.length ?? 0;

  return (
    <Dialog
      open={open}
      title="Import a roster"
      description="A CSV file with a header row: name, student ID (optional) and class. Save it from your spreadsheet as CSV."
      onClose={onClose}
      onSubmit={() => void importRows()}
      size="medium"
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || ready === 0} data-testid="roster-import">
            {ready === 0 ? 'Import' : `Import ${plural(ready, 'student')}`}
          </button>
        </>
      }
    >
      <div className="roster-import" data-testid="roster-dialog">
        <div className="roster-import__choose">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              Roster file (CSV)
            </label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              className="roster-import__file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(event) => void choose(event.target.files?.[0])}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-class`}>
              Class for lines without one <span className="muted">(optional)</span>
            </label>
            <input
              id={`${id}-class`}
              className="input"
              value={fallbackClass}
              dir="auto"
              placeholder="e.g. Period 2 Health Careers"
              onChange={(event) => setFallbackClass(event.target.value)}
              onBlur={() => text !== null && void check(text, fallbackClass)}
            />
          </div>
        </div>

        {error && (
          <div className="notice notice--error" role="alert">
            <p>{error}</p>
          </div>
        )}
        {busy && !preview && <p className="muted">Checking {fileName}…</p>}

        {preview && (
          <div className="roster-preview" data-testid="roster-preview" aria-live="polite">
            <p className="roster-preview__summary">
              <strong>{fileName}</strong>:{' '}
              {ready > 0 ? (
                <>
                  {plural(ready, 'student')} ready to import
                  {preview.newClasses.length > 0 && (
                    <>
                      {' '}
                      (new {preview.newClasses.length === 1 ? 'class' : 'classes'}: {preview.newClasses.join(', ')})
                    </>
                  )}
                  .
                </>
              ) : (
                'no student can be imported yet.'
              )}{' '}
              {preview.errors.length > 0 && (
                <span className="roster-preview__bad">
                  {preview.errors.length === 1 ? 'One line has a problem' : `${preview.errors.length} lines have problems`} and
                  {preview.errors.length === 1 ? ' is' : ' are'} not imported.
                </span>
              )}
            </p>

            {preview.errors.length > 0 && (
              <ul className="roster-errors" aria-label="Lines that are not imported" data-testid="roster-errors">
                {preview.errors.map((problem, i) => (
                  <li key={`${problem.line}-${i}`} className="roster-errors__item">
                    <span className="roster-errors__line">Line {problem.line}</span>
                    <span>{problem.message}</span>
                  </li>
                ))}
              </ul>
            )}

            {ready > 0 && (
              <div className="roster-rows">
                <table className="data-table roster-rows__table">
                  <caption className="visually-hidden">The students that will be imported</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Line
                      </th>
                      <th scope="col">Name</th>
                      <th scope="col">Student ID</th>
                      <th scope="col">Class</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row) => (
                      <tr key={row.line}>
                        <td className="num num--muted">{row.line}</td>
                        <th scope="row">{row.name}</th>
                        <td>{row.studentId ?? <span className="muted">—</span>}</td>
                        <td>{row.className}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
}
