/**
 * End of session on a shared lab computer: choose a folder (a USB stick, a shared drive), read
 * exactly what will be saved there and what will be removed from this computer, confirm; then
 * every student's plans are saved as plan files and the computer is cleared.
 */
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { counselorApi, counselorError, plural, type SessionEnded, type SessionPrepared } from './counselor-api';

type Prepared = Extract<SessionPrepared, { status: 'chosen' }>;

interface EndSessionDialogProps {
  open: boolean;
  onClose: () => void;
  onEnded: (result: SessionEnded) => void;
}

export function EndSessionDialog(props: EndSessionDialogProps) {
  return props.open ? <EndSessionForm {...props} /> : null;
}

function EndSessionForm({ open, onClose, onEnded }: EndSessionDialogProps) {
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [ended, setEnded] = useState<SessionEnded | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await counselorApi.prepareEnd();
      if (result.status === 'chosen') setPrepared(result);
    } catch (e) {
      setError(counselorError(e, 'choosing the folder'));
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    if (!prepared) return;
    setBusy(true);
    setError(null);
    try {
      const result = await counselorApi.endSession(prepared.token);
      setEnded(result);
      onEnded(result);
    } catch (e) {
      // Nothing was removed (main removes only after every file is written and checked), unless
      // only a backup file could not be removed: the message then says so, and names it.
      setPrepared(null);
      setError(counselorError(e, 'saving the plans'));
    } finally {
      setBusy(false);
    }
  };

  const step = ended ? 'done' : prepared ? 'confirm' : 'start';
  const c = prepared?.counts;

  return (
    <Dialog
      open={open}
      title={step === 'done' ? 'Session ended' : step === 'confirm' ? 'Save the plans and clear this computer?' : 'End the session'}
      onClose={() => !busy && onClose()}
      onSubmit={() => void (step === 'start' ? choose() : step === 'confirm' ? end() : onClose())}
      size="medium"
      actions={
        step === 'done' ? (
          <button type="submit" className="button button--primary">
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            {step === 'start' ? (
              <button type="submit" className="button button--primary" disabled={busy}>
                Choose folder…
              </button>
            ) : (
              <button type="submit" className="button button--danger" disabled={busy} data-testid="end-session-confirm">
                {busy ? 'Saving…' : 'Save and clear'}
              </button>
            )}
          </>
        )
      }
    >
      <div className="end-session confirm-text" data-testid="end-session-dialog">
        {step === 'start' && (
          <>
            <p>
              For a shared computer, at the end of a lab session: every student’s plans are saved as plan files (one per
              student, in a folder per class) to a folder you choose — a USB stick or a shared drive — and then all classes,
              students and plans are removed from this computer.
            </p>
            <p className="muted">Plan files open again in Pathway Planner on any computer (Import plans).</p>
          </>
        )}
        {step === 'confirm' && c && prepared && (
          <>
            <p>
              <strong>Save</strong> {plural(c.plans, 'plan')} to:
            </p>
            <p>
              <code className="path" data-testid="end-session-folder">
                {prepared.folder}
              </code>
            </p>
            <p>
              <strong>Then remove from this computer, for good:</strong>
            </p>
            <ul className="end-session__counts" data-testid="end-session-counts">
              <li>{plural(c.classes, 'class', 'classes')}</li>
              <li>{plural(c.students, 'student')}</li>
              <li>
                {plural(c.plans, 'plan')}
                {c.plansInBin > 0 ? ` and ${plural(c.plansInBin, 'deleted plan')} in the bin (these are not saved)` : ''}
              </li>
              <li>{plural(c.backups, 'backup copy', 'backup copies')} of the database</li>
            </ul>
            <p className="muted">
              From the data folder <code className="path">{prepared.dataDir}</code>. If any file cannot be saved, nothing is
              removed.
            </p>
          </>
        )}
        {step === 'done' && ended && (
          <div role="status" data-testid="end-session-done">
            <p>
              Saved {plural(ended.files.length, 'plan file')} ({plural(ended.files.reduce((n, f) => n + f.plans, 0), 'plan')})
              to <code className="path">{ended.folder}</code>.
            </p>
            <p>
              Removed {plural(ended.removed.classes, 'class', 'classes')}, {plural(ended.removed.students, 'student')},{' '}
              {plural(ended.removed.plans + ended.removed.plansInBin, 'plan')} and{' '}
              {plural(ended.removed.backups, 'backup copy', 'backup copies')} from this computer.
            </p>
          </div>
        )}
        {error && (
          <div className="notice notice--error" role="alert">
            <p>{error}</p>
          </div>
        )}
      </div>
    </Dialog>
  );
}
