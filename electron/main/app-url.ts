/**
 * Which URLs are "the app". Navigation, IPC senders and the window-open handler all ask here,
 * so there is one definition: the renderer's own file (packaged, preview) or the dev server's
 * origin (`electron-vite dev`). Hash and query may change (in-app routes); nothing else may.
 */
export function isAppUrl(candidate: string, appEntry: string): boolean {
  const url = parse(candidate);
  const entry = parse(appEntry);
  if (!url || !entry) return false;
  if (entry.protocol === 'file:') {
    return url.protocol === 'file:' && url.host === entry.host && url.pathname === entry.pathname;
  }
  return url.origin === entry.origin;
}

/** Links we hand to the system browser (data-pack source pages): https only, never file: or custom schemes. */
export function isExternalLink(candidate: string): boolean {
  return parse(candidate)?.protocol === 'https:';
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
