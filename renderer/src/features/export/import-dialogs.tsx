/**
 * What importing a plan file can ask or tell: the file's problems (nothing was imported), or a
 * name that is taken ("Rename to 'X (2)'" or "Cancel"; a plan is never overwritten).
 */
import { Dialog } from '../../components/dialog';
import type { ImportResult } from './files-api';

type Invalid = Extract<ImportResult, { status: 'invalid' }>;
type NeedsDecision = Extract<ImportResult, { status: 'needs-decision' }>;

const SHOWN = 12;

/** `$.plans[0].years` → `plans[0].years`; `$` → `the file`. */
export function problemPlace(path: string, line?: number, column?: number): string {
  const where = path === '$' ? 'the file' : path.replace(/^\$\.?/, '');
  return line !== undefined && column !== undefined && path === '$' ? `line ${line}, column ${column}` : where;
}

export function ImportProblemsDialog({ result, onClose }: { result: Invalid; onClose: () => void }) {
  const shown = result.problems.slice(0, SHOWN);
  const more = result.problems.length - shown.length;
  return (
    <Dialog
      open
      size="medium"
      title="Nothing was imported"
      description={
        <>
          “{result.fileName}” can't be imported as it is, so none of its plans were added. {result.problems.length === 1
            ? 'This is what is wrong:'
            : `These ${result.problems.length} things are wrong:`}
        </>
      }
      onClose={onClose}
      onSubmit={onClose}
      actions={
        <button type="submit" className="button button--primary" autoFocus>
          OK
        </button>
      }
    >
      <ul className="import-problems" data-testid="import-problems">
        {shown.map((p, i) => (
          <li key={i}>
            <code className="import-problems__where">{problemPlace(p.path, p.line, p.column)}</code>
            <span>{p.message}</span>
          </li>
        ))}
        {more > 0 && <li className="muted">…and {more} more.</li>}
      </ul>
    </Dialog>
  );
}

export function ImportConflictDialog({
  result,
  busy,
  onRename,
  onCancel,
}: {
  result: NeedsDecision;
  busy: boolean;
  onRename: () => void;
  onCancel: () => void;
}) {
  const one = result.conflicts.length === 1 ? result.conflicts[0] : undefined;
  return (
    <Dialog
      open
      title={one ? `You already have a plan called “${one.name}”` : 'Some of these plans have names you already use'}
      description={
        one
          ? 'Your plan stays as it is. The imported one can come in under a new name.'
          : 'Your plans stay as they are. The imported ones can come in under new names:'
      }
      onClose={onCancel}
      onSubmit={() => !busy && onRename()}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} autoFocus>
            {one ? `Rename to “${one.renameTo}”` : 'Rename and import'}
          </button>
        </>
      }
    >
      {!one && (
        <ul className="import-renames">
          {result.conflicts.map((c) => (
            <li key={c.name}>
              “{c.name}” → “{c.renameTo}”
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
