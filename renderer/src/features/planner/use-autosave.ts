/**
 * Saves the plan being edited ~600 ms after the last change, one save at a time, each naming
 * the revision it builds on (the main process refuses a stale one). Invalid drafts are never
 * sent. Pending edits are flushed when the window hides or closes and when the editor unmounts
 * (switching plans), so an edit is not lost by closing the app right after typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { Plan } from '../../../../shared/plan/schema';
import { ApiError, api } from '../../api';
import type { SaveState } from '../../components/save-status';

export const AUTOSAVE_DELAY_MS = 600;

type StoredPlan = ChannelOutput<'plans:get'>;

interface AutosaveOptions {
  id: number;
  revision: number;
  draft: Plan;
  /** Null when the draft can be saved; otherwise a sentence saying what to fix. */
  invalid: string | null;
  onSaved: (stored: StoredPlan) => void;
}

export interface Autosave {
  state: SaveState;
  /** Saves now if anything is waiting; resolves when the disk has it (or the save failed). */
  flush: () => Promise<void>;
  retry: () => void;
}

export function useAutosave({ id, revision, draft, invalid, onSaved }: AutosaveOptions): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef({ draft, invalid, onSaved });
  const revisionRef = useRef(revision);
  const savedJson = useRef(JSON.stringify(draft));
  const timer = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(0);
  const failed = useRef(false);

  useEffect(() => {
    latest.current = { draft, invalid, onSaved };
  });

  /** One save: sends the latest valid draft if it differs from what the disk has. */
  const saveOnce = useCallback(async (): Promise<void> => {
    const { draft: plan, invalid: problem } = latest.current;
    const json = JSON.stringify(plan);
    if (problem || json === savedJson.current) return;
    busy.current += 1;
    setState({ kind: 'saving' });
    try {
      const stored = await api.plans.save({ id, revision: revisionRef.current, plan });
      revisionRef.current = stored.revision;
      savedJson.current = json;
      failed.current = false;
      latest.current.onSaved(stored);
    } catch (error) {
      failed.current = true;
      const conflict = error instanceof ApiError && error.code === 'conflict';
      const gone = error instanceof ApiError && error.code === 'not_found';
      setState({
        kind: 'error',
        message: conflict
          ? 'This plan was changed somewhere else. Reload the plan to continue.'
          : gone
            ? 'This plan no longer exists.'
            : 'Your changes are still here.',
        canRetry: !conflict && !gone,
      });
    } finally {
      busy.current -= 1;
    }
    if (failed.current || busy.current > 0) return;
    const now = latest.current;
    if (timer.current !== undefined) setState({ kind: 'pending' });
    else if (now.invalid) setState({ kind: 'invalid', message: now.invalid });
    else setState({ kind: 'saved' });
  }, [id]);

  /** Queues a save behind any running one, so two saves never race on the same revision. */
  const saveNow = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const next = chain.current.then(saveOnce);
    chain.current = next;
    return next;
  }, [saveOnce]);

  // Every edit: say where things stand and (re)start the debounce.
  useEffect(() => {
    const json = JSON.stringify(draft);
    if (invalid) {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      if (busy.current === 0) setState({ kind: 'invalid', message: invalid });
      return;
    }
    if (json === savedJson.current) {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      if (busy.current === 0 && !failed.current) setState({ kind: 'saved' });
      return;
    }
    if (busy.current === 0) setState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void saveNow();
    }, AUTOSAVE_DELAY_MS);
  }, [draft, invalid, saveNow]);

  const flush = useCallback((): Promise<void> => saveNow(), [saveNow]);

  // Best effort on close or hide: start the save immediately; the bridge usually delivers it.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', onUnload);
      void flush();
    };
  }, [flush]);

  const retry = useCallback(() => {
    failed.current = false;
    void saveNow();
  }, [saveNow]);

  return { state, flush, retry };
}
