/**
 * One toast at a time, bottom of the window, announced politely to screen readers. Used for
 * "Plan deleted — Undo". It stays for `durationMs` (10 s by default), longer while hovered or
 * focused so nobody loses the Undo button while reaching for it.
 */
import { useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
  tone?: 'info' | 'error';
  durationMs?: number;
}

interface ToastRegionProps {
  toast: ToastMessage | null;
  onDismiss: (id: number) => void;
}

export function ToastRegion({ toast, onDismiss }: ToastRegionProps) {
  const [paused, setPaused] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!toast || paused) return;
    timer.current = window.setTimeout(() => onDismiss(toast.id), toast.durationMs ?? 10_000);
    return () => window.clearTimeout(timer.current);
  }, [toast, paused, onDismiss]);

  return (
    <div className="toast-region" role="status" aria-live="polite" aria-atomic="true">
      {toast && (
        <div
          className={`toast${toast.tone === 'error' ? ' toast--error' : ''}`}
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
        >
          <span className="toast__text">{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="button button--toast"
              onClick={() => {
                toast.action?.run();
                onDismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast__close"
            aria-label="Dismiss message"
            onClick={() => onDismiss(toast.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
