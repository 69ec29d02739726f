import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents } from '../../electron/main/security';
import { isAppUrl, isExternalLink } from '../../electron/main/app-url';

// security.ts imports only types from 'electron'; the mock makes sure it stays that way.
vi.mock('electron', () => {
  throw new Error('security.ts must not load electron at runtime');
});

type Listener = (...args: unknown[]) => void;

function fakeSession() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
  return { session, asSession: session as unknown as Session };
}

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const emit = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault;
  };
  return {
    asContents: contents as unknown as WebContents,
    emit,
    open: (url: string) => openHandler!({ url }),
  };
}

const appEntry = 'file:///opt/pp/resources/app.asar/out/renderer/index.html';

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const { session, asSession } = fakeSession();
    hardenSession(asSession, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    const callback = vi.fn();
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0][0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler({}, permission, callback);
    }
    expect(callback.mock.calls).toEqual(Array(5).fill([false]));
    expect(session.setPermissionCheckHandler.mock.calls[0][0]({}, 'media')).toBe(false);
  });

  it('adds the CSP header to every response, keeping the other headers', () => {
    const { session, asSession } = fakeSession();
    hardenSession(asSession, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
    const listener = session.webRequest.onHeadersReceived.mock.calls[0][0];
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  it('skips the header for the dev server', () => {
    const { session, asSession } = fakeSession();
    hardenSession(asSession, { contentSecurityPolicy: null });
    expect(session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only our own scripts, styles and connections', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
  // tests/renderer/csp.test.ts checks renderer/index.html's meta tag carries this same string.
});

describe('hardenWebContents', () => {
  const setup = () => {
    const openExternal = vi.fn();
    const contents = fakeContents();
    hardenWebContents(contents.asContents, {
      isAppUrl: (url) => isAppUrl(url, appEntry),
      isExternalLink,
      openExternal,
    });
    return { ...contents, openExternal };
  };

  it('denies every new window; https links go to the system browser, others nowhere', () => {
    const { open, openExternal } = setup();
    expect(open('https://www.bls.gov/oes/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open(appEntry)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.bls.gov/oes/']]);
  });

  it('prevents navigation away from the app, allows in-app routes', () => {
    const { emit, openExternal } = setup();
    expect(emit('will-navigate', 'https://example.com')).toHaveBeenCalled();
    expect(emit('will-navigate', 'file:///home/sam/secret.html')).toHaveBeenCalled();
    expect(emit('will-navigate', `${appEntry}#/compare`)).not.toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://example.com']]);
  });

  it('prevents attaching a <webview>', () => {
    const { emit } = setup();
    expect(emit('will-attach-webview')).toHaveBeenCalled();
  });
});
