/**
 * Security settings outside the window options: what the session allows and where a page may
 * go. Applied to every session and every web contents the app creates.
 */
import type { Session, WebContents } from 'electron';

/**
 * The renderer's policy. The same string is in renderer/index.html's meta tag (a test keeps
 * them equal); the header is a second layer for content served over http(s) and the meta tag
 * covers file://, where Electron has not always applied response headers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Denies every permission (camera, notifications, geolocation…): the app needs none.
 * `contentSecurityPolicy: null` skips the header — for the Vite dev server, whose hot reload
 * needs inline scripts and a websocket.
 */
export function hardenSession(session: Session, options: { contentSecurityPolicy: string | null }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const policy = options.contentSecurityPolicy;
  if (policy !== null) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
}

export interface NavigationPolicy {
  isAppUrl: (url: string) => boolean;
  /** Opens an https link in the system browser (a source's web page); other links are dropped. */
  openExternal: (url: string) => void;
  isExternalLink: (url: string) => boolean;
}

/** No new windows, no navigation away from the app, no <webview>. */
export function hardenWebContents(contents: WebContents, policy: NavigationPolicy): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (policy.isExternalLink(url)) policy.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (policy.isAppUrl(url)) return;
    event.preventDefault();
    if (policy.isExternalLink(url)) policy.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
