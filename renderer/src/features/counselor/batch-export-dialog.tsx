/**
 * Printing a whole class to PDF: one file per student or one for the class, a progress bar
 * while it runs (polled from main), Cancel, and a summary of what was written where and what
 * could not be printed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { counselorApi, counselorError, plural, type BatchStatus, type ClassRoster } from './counselor-api';

const POLL_MS = 200;

type Layout = 'per-student' | 'combined';
type Paper = 'letter' | 'a4';

interface BatchExportDialogProps {
  open: boolean;
  roster: ClassRoster;
  onClose: () => void;
}

export function BatchExportDialog(props: BatchExportDialogProps) {
  return props.open ? <BatchExportForm {...props} /> : null;
}

function BatchExportForm({ open, roster, onClose }: BatchExportDialogProps) {
  const [layout, setLayout] = useState<Layout>('per-student');
  const [paper, setPaper] = useState<Paper>('letter');
  const [status, setStatus] = useState<BatchStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const jobId = useRef<string | null>(null);
  const id = useId();
  const running = status?.state === 'running';

  // Poll while the job runs.
  useEffect(() => {
    if (!running || !jobId.current) return;
    const job = jobId.current;
    let cancelled = false;
    const timer = window.setInterval(() => {
      counselorApi
        .batchStatus(job)
        .then((next) => !cancelled && setStatus(next))
        .catch((e: unknown) => !cancelled && setError(counselorError(e, 'checking the export')));
    }, POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [running]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await counselorApi.startBatch({ classId: roster.class.id, layout, paper });
      if (started.status === 'cancelled') return;
      jobId.current = started.jobId;
      setStatus(await counselorApi.batchStatus(started.jobId));
    } catch (e) {
      setError(counselorError(e, 'starting the export'));
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!jobId.current) return;
    try {
      setStatus(await counselorApi.cancelBatch(jobId.current));
    } catch (e) {
      setError(counselorError(e, 'cancelling the export'));
    }
  };

  const withPlans = roster.students.filter((s) => s.planCount > 0).length;

  return (
    <Dialog
      open={open}
      title={`Export ${roster.class.name} to PDF`}
      description={`${plural(roster.class.planCount, 'plan')} of ${plural(withPlans, 'student')}, each as its own report with the student’s name on it.`}
      // While printing, closing would only hide the progress: Cancel stops it.
      onClose={() => !running && onClose()}
      onSubmit={() => !status && void start()}
      size="medium"
      actions={
        status === null ? (
          <>
            <button type="button" className="button button--secondary" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              Choose where to save…
            </button>
          </>
        ) : running ? (
          <button type="button" className="button button--secondary" onClick={() => void cancel()} data-testid="batch-cancel">
            Stop
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        )
      }
    >
      <div className="batch-export" data-testid="batch-dialog">
        {status === null && (
          <>
            <fieldset className="choice-group">
              <legend className="field__label">Files</legend>
              <label className="choice">
                <input type="radio" name={`${id}-layout`} checked={layout === 'per-student'} onChange={() => setLayout('per-student')} />
                <span>
                  <strong>One PDF per student</strong>
                  <br />
                  <span className="muted">A folder with a file for each student (all their plans), named after them.</span>
                </span>
              </label>
              <label className="choice">
                <input type="radio" name={`${id}-layout`} checked={layout === 'combined'} onChange={() => setLayout('combined')} />
                <span>
                  <strong>One PDF for the whole class</strong>
                  <br />
                  <span className="muted">Every plan in one file, with a bookmark for each.</span>
                </span>
              </label>
            </fieldset>
            <div className="field batch-export__paper">
              <label className="field__label" htmlFor={`${id}-paper`}>
                Paper
              </label>
              <select
                id={`${id}-paper`}
                className="input input--select"
                value={paper}
                onChange={(event) => setPaper(event.target.value as Paper)}
              >
                <option value="letter">US Letter</option>
                <option value="a4">A4</option>
              </select>
            </div>
          </>
        )}

        {status && <Progress status={status} />}
        {status && status.state !== 'running' && <Summary status={status} />}

        {error && (
          <div className="notice notice--error" role="alert">
            <p>{error}</p>
          </div>
        )}
      </div>
    </Dialog>
  );
}

function Progress({ status }: { status: BatchStatus }) {
  const label =
    status.state === 'running'
      ? status.current
        ? `Printing ${status.current}’s plans — ${status.done} of ${status.total}`
        : `Writing the file — ${status.done} of ${status.total}`
      : status.state === 'cancelled'
        ? `Stopped after ${status.done} of ${status.total} plans`
        : status.state === 'failed'
          ? 'The export stopped'
          : `Printed ${status.done} of ${status.total} plans`;
  return (
    <div className="batch-progress" data-testid="batch-progress" data-state={status.state}>
      <p className="batch-progress__label" id="batch-progress-label">
        {label}
      </p>
      <progress
        className="batch-progress__bar"
        max={Math.max(1, status.total)}
        value={status.done}
        aria-labelledby="batch-progress-label"
      />
    </div>
  );
}

function Summary({ status }: { status: BatchStatus }) {
  const files = status.written;
  const folder =
    status.layout === 'combined' ? status.folder.slice(0, Math.max(status.folder.lastIndexOf('/'), status.folder.lastIndexOf('\\'))) : status.folder;
  return (
    <div className="batch-summary" data-testid="batch-summary" role="status">
      {status.error && (
        <div className="notice notice--error">
          <p>{status.error}</p>
        </div>
      )}
      {files.length > 0 ? (
        <>
          <p>
            {status.layout === 'combined' ? 'Wrote one PDF' : `Wrote ${plural(files.length, 'PDF')}`} to{' '}
            <code className="path">{folder}</code>
            {status.state === 'cancelled' ? ' before you stopped it.' : '.'}
          </p>
          <details className="batch-summary__files" open={files.length <= 6}>
            <summary>{files.length === 1 ? 'The file' : `The ${files.length} files`}</summary>
            <ul data-testid="batch-files">
              {files.map((file) => (
                <li key={file.file}>
                  <code>{file.fileName}</code> <span className="muted">({plural(file.plans, 'plan')})</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p>{status.state === 'cancelled' ? 'Stopped before any file was written.' : 'No file was written.'}</p>
      )}
      {status.failed.length > 0 && (
        <div className="notice notice--warning batch-summary__failed" data-testid="batch-failed">
          <p>
            <strong>
              {status.failed.length === 1 ? 'One plan was' : `${status.failed.length} plans were`} not printed:
            </strong>
          </p>
          <ul>
            {status.failed.map((f, i) => (
              <li key={i}>
                {f.student}, “{f.plan}”: {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.skipped.length > 0 && (
        <p className="muted">
          {status.skipped.length === 1 ? 'One student has' : `${status.skipped.length} students have`} no plan yet, so no
          PDF: {status.skipped.join(', ')}.
        </p>
      )}
    </div>
  );
}
