/**
 * End-to-end harness: the built renderer (out/renderer) served over http from this process,
 * in real Chromium driven by playwright-core, talking to the real main-process handlers over a
 * real SQLite file in a temporary folder. Only the Electron shell is absent: instead of the
 * preload, an init script defines `window.planner.invoke` on top of a function exposed from
 * this process, which is exactly the contract the preload implements.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { openAppServices, type AppServices } from '../../electron/main/app-services';
import { fakeDialogs, type FakeDialogs } from '../electron/helpers/fake-dialogs';
import { playwrightRenderPdf } from './pdf-platform';

export const ROOT = resolve(__dirname, '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const ARTIFACTS_DIR = join(ROOT, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Fails early, and says what to do, when the renderer has not been built. */
export function assertBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The e2e tests need the built renderer, but ${join(RENDERER_DIR, 'index.html')} does not exist. ` +
        'Run `npx electron-vite build` first (`npm test` does it before vitest).',
    );
  }
}

/** The main process's invoke, for a page that calls it over HTTP (see serveRenderer). */
export type Invoke = (channel: unknown, input: unknown) => Promise<unknown>;

/** The address a page POSTs `{ channel, input }` to when the server is given `invoke`. */
export const INVOKE_PATH = '/__invoke';

/**
 * A tiny static file server for out/renderer on 127.0.0.1 and a random port. Given `invoke`, it
 * also answers `POST /__invoke` with the reply as JSON: a page's bridge to the app's services over
 * plain HTTP, which the benchmarks use because it costs about what Electron's IPC does (a few
 * milliseconds for the data pack), unlike a Playwright binding (tens of milliseconds).
 */
export async function serveRenderer(invoke?: Invoke): Promise<{ url: string; close: () => Promise<void> }> {
  assertBuilt();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (invoke && request.method === 'POST' && path === INVOKE_PATH) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const reply = (status: number, body: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          response.end(JSON.stringify(body));
        };
        // A broken request or a throwing handler answers 500, rather than taking the test process down.
        Promise.resolve()
          .then(() => {
            const { channel, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              channel: unknown;
              input: unknown;
            };
            return invoke(channel, input);
          })
          .then(
            (result) => reply(200, result),
            (error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }),
          );
      });
      return;
    }
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path));
    if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface App {
  page: Page;
  context: BrowserContext;
  services: AppServices;
  url: string;
  dataDir: string;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** The save and open dialogs export and import see: queue their answers with answerSave/answerOpen. */
  dialogs: FakeDialogs;
  /** Sends an app-menu command to the page, as main does through the preload's onMenu. */
  menu(action: string): Promise<void>;
  /** Calls a channel from the test process, as the page would (unwraps `{ ok: true }`). */
  call<T = unknown>(channel: string, payload: unknown): Promise<T>;
  close(): Promise<void>;
}

export interface StartOptions {
  viewport?: { width: number; height: number };
  /** Puts files in the data folder before the app opens it (e.g. a damaged plans file). */
  prepareDataDir?: (dataDir: string) => void;
}

export async function startApp(options: StartOptions = {}): Promise<App> {
  assertBuilt();
  const tmp = mkdtempSync(join(tmpdir(), 'pathway-e2e-'));
  const dataDir = join(tmp, 'data');
  const dialogs = fakeDialogs();
  if (options.prepareDataDir) {
    mkdirSync(dataDir, { recursive: true });
    options.prepareDataDir(dataDir);
  }
  // PDFs are printed from the print route in this same browser (set up just below).
  const live: { context?: BrowserContext; url: string } = { url: '' };
  const services = await openAppServices({
    dataDir,
    appVersion: 'test',
    platform: {
      dialogs,
      renderPdf: playwrightRenderPdf(
        () => live.context ?? failNoBrowser(),
        () => live.url,
      ),
    },
  });
  const server = await serveRenderer();
  live.url = server.url;
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  live.context = context;
  await context.exposeFunction('__plannerInvoke', (channel: unknown, payload: unknown) =>
    services.invoke(channel, payload),
  );
  await context.addInitScript(() => {
    type Listener = (action: string) => void;
    const w = window as unknown as {
      planner: unknown;
      __plannerInvoke: (c: unknown, p: unknown) => Promise<unknown>;
      __plannerMenu: (action: string) => void;
    };
    // The preload's two members: invoke, and onMenu (menu commands from main; tests send them with `menu()`).
    const listeners = new Set<Listener>();
    w.__plannerMenu = (action) => listeners.forEach((listener) => listener(action));
    w.planner = {
      invoke: (channel: unknown, input: unknown) => w.__plannerInvoke(channel, input),
      onMenu: (listener: Listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });

  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    // Expected: frame-ancestors only works as a header (main sends it); the meta tag repeats the policy.
    if (/'frame-ancestors' is ignored when delivered via a <meta> element/.test(text)) return;
    // A 404 is reported with its URL by the response listener below.
    if (/Failed to load resource: the server responded with a status of 404/.test(text)) return;
    if (message.type() === 'error' || /Content Security Policy/i.test(text))
      problems.push(`console: ${text}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  let closed = false;
  return {
    page,
    context,
    services,
    url: server.url,
    dataDir,
    problems,
    dialogs,
    async menu(action: string) {
      await page.evaluate(
        (a) => (window as unknown as { __plannerMenu: (a: string) => void }).__plannerMenu(a),
        action,
      );
    },
    async call<T>(channel: string, payload: unknown): Promise<T> {
      const result = await services.invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      await server.close();
      services.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function failNoBrowser(): never {
  throw new Error('The browser is not running yet');
}

/** Waits for the save status to say "Saved" (after any pending autosave). */
export async function waitForSaved(page: Page): Promise<void> {
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
}

/** The projection table as text: one array of cell texts per body row. */
export async function readTable(page: Page): Promise<string[][]> {
  return page
    .getByTestId('projection-table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** "$42,000" → 42000; "—" → 0. */
export function money(text: string): number {
  const cleaned = text.replace(/[^0-9.-]/g, '');
  return cleaned === '' ? 0 : Number(cleaned);
}

/** "$30,588 – $39,103" (or "$30,588 to $39,103") → [30588, 39103]. */
export function range(text: string): [number, number] {
  const parts = text.split(/\s*(?:–|to)\s*/).filter((part) => /\d/.test(part));
  if (parts.length !== 2) throw new Error(`not a range: "${text}"`);
  return [money(parts[0]!), money(parts[1]!)];
}
