/**
 * The one message main may have for the user at start: the plans file was damaged and was
 * replaced by a backup (or a new file). It stays at the top of the window until dismissed,
 * because it explains why recent work may be missing.
 */
import { useEffect, useState } from 'react';
import { api } from '../api';

export function StartupNotice() {
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.app
      .info()
      .then((info) => !cancelled && setText(info.startupNotice ?? null))
      // The notice is a courtesy: if app:info fails, the rest of the app still works.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (text === null) return null;
  return (
    <div className="notice notice--warning startup-notice" role="alert" data-testid="startup-notice">
      <span className="notice__icon" aria-hidden="true">
        !
      </span>
      <p className="startup-notice__text">{text}</p>
      <button type="button" className="button button--small" onClick={() => setText(null)}>
        OK, got it
      </button>
    </div>
  );
}
