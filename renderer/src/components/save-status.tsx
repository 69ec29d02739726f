/**
 * Where the plan stands with the disk: "Saving…", "Saved", "Couldn't save — Retry", or
 * "Fix the highlighted field to save". A live region, so a screen reader hears it change.
 */
export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid'; message: string }
  | { kind: 'error'; message: string; canRetry: boolean };

interface SaveStatusProps {
  state: SaveState;
  onRetry: () => void;
}

export function SaveStatus({ state, onRetry }: SaveStatusProps) {
  return (
    <div
      className={`save-status save-status--${state.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      <span className="save-status__dot" aria-hidden="true" />
      {state.kind === 'saved' && <span>Saved</span>}
      {(state.kind === 'pending' || state.kind === 'saving') && <span>Saving…</span>}
      {state.kind === 'invalid' && <span>Not saved. {state.message}</span>}
      {state.kind === 'error' && (
        <>
          <span>Couldn't save. {state.message}</span>
          {state.canRetry && (
            <button type="button" className="button button--link" onClick={onRetry}>
              Retry
            </button>
          )}
        </>
      )}
    </div>
  );
}
