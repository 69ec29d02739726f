/**
 * The Platform of the real app: native save/open dialogs (attached to the main window) and
 * PDF printing of the print route in a hidden window with the main window's security settings
 * and preload, through Chromium's own pipeline (`webContents.printToPDF`).
 *
 * One print window is kept loaded while the app runs: main opens it standing by soon after start
 * (`standBy`), and every report only swaps the query in its hash. A page loaded from nothing takes
 * more than twice as long to print as one already open (docs/reports-and-files.md); keeping it
 * costs about 18 MB (measured: the print renderer's proportional set size after a 45-year report).
 * If the window is lost (its renderer crashed), the next export loads a new one while the save
 * dialog is open (`preparePdf`). Kept small: the decisions (what to print, where to save, how to
 * write) are in services/file-service.ts.
 */
import { BrowserWindow, dialog } from 'electron';
import { nextReportScript, PRINT_STANDBY_ROUTE, UNTIL_READY, untilReportReady, withinTime } from '../export/print-page';
import { buildWindowOptions } from '../window';
import type { PdfRenderOptions, Platform } from './platform';

/** A report is ready in well under a second; this only stops a broken page from hanging an export. */
export const PRINT_READY_TIMEOUT_MS = 30_000;
/** How long after the main window's page has loaded the print window opens standing by: start-up first. */
export const PRINT_STANDBY_DELAY_MS = 2_000;

export interface ElectronPlatformOptions {
  preloadPath: string;
  /** The window dialogs belong to (the main window), if any. */
  parentWindow: () => BrowserWindow | undefined;
  /** Loads a renderer route (`print.html?…`) into a window: loadFile in the app, loadURL in dev. */
  loadRoute: (window: BrowserWindow, route: string) => Promise<void>;
  defaultFolder?: string;
}

export interface ElectronPlatform extends Platform {
  /** True for the hidden windows printing reports, so IPC accepts their `report:get` and `datapack:get`. */
  isPrintWindow(window: BrowserWindow): boolean;
  /** Opens the print window standing by, unless one is open: the first report then prints like the next. */
  standBy(): void;
}

export function createElectronPlatform(options: ElectronPlatformOptions): ElectronPlatform {
  /**
   * The one hidden print window, kept loaded: each report (a counselor printing a class, or the
   * first report of the day) only swaps the query in its hash, instead of loading the page again.
   * Reports are printed one at a time through `queue`.
   */
  let warm: BrowserWindow | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let watchedParent: BrowserWindow | undefined;
  /**
   * The window `standBy` or `preparePdf` started loading, until a report is printed in it: its
   * route (a report's, or the standby route), and whether it loaded.
   */
  let prepared: { window: BrowserWindow; route: string; loaded: Promise<boolean> } | undefined;

  const discard = () => {
    const window = warm;
    warm = undefined;
    prepared = undefined;
    if (window && !window.isDestroyed()) window.destroy();
  };

  const createPrintWindow = (): BrowserWindow => {
    const base = buildWindowOptions(options.preloadPath);
    const window = new BrowserWindow({
      ...base,
      show: false,
      // Roughly the printed width, so on-screen layout (unused) and print layout agree.
      width: 820,
      height: 1100,
      webPreferences: {
        ...base.webPreferences,
        spellcheck: false,
        // A hidden window is throttled otherwise; the report must render at full speed.
        backgroundThrottling: false,
      },
    });
    // A hidden window would keep the app running after its last visible window closes.
    const parent = options.parentWindow();
    if (parent && parent !== watchedParent) {
      watchedParent = parent;
      parent.once('closed', () => {
        watchedParent = undefined;
        discard();
      });
    }
    return window;
  };

  /** The open print window, if any: a prepared one once it has loaded (or failed to, then closed). */
  async function openWindow(): Promise<{ window: BrowserWindow; loadedWith?: string } | undefined> {
    const preparing = prepared;
    prepared = undefined;
    if (preparing && preparing.window === warm) {
      // A page that never finishes loading (its renderer hung) must not hold up this export and every one after it.
      const loaded = await withinTime(preparing.loaded, PRINT_READY_TIMEOUT_MS, 'not loaded').catch(() => false);
      if (loaded && isUsable(preparing.window)) return { window: preparing.window, loadedWith: preparing.route };
      discard();
    }
    if (warm && !isUsable(warm)) discard();
    return warm ? { window: warm } : undefined;
  }

  /** Starts loading `route` in a new print window, unless a usable one is open. */
  function load(route: string): void {
    if (warm && isUsable(warm)) return;
    discard();
    const window = (warm = createPrintWindow());
    prepared = { window, route, loaded: options.loadRoute(window, route).then(() => true, () => false) };
  }

  async function print(route: string, pdf: PdfRenderOptions): Promise<Uint8Array> {
    try {
      const open = await openWindow();
      const window = open?.window ?? (warm = createPrintWindow());
      if (!open)
        await withinTime(options.loadRoute(window, route), PRINT_READY_TIMEOUT_MS, 'The report page did not load in time');
      // A page loaded for this very route renders it by itself; any other open page is asked by its hash.
      const fresh = !open || open.loadedWith === route;
      await untilReportReady(
        (script) => evaluateIn(window, script),
        fresh ? UNTIL_READY : nextReportScript(route),
        PRINT_READY_TIMEOUT_MS,
      );
      const data = await window.webContents.printToPDF({
        pageSize: pdf.paper === 'a4' ? 'A4' : 'Letter',
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: pdf.headerTemplate,
        footerTemplate: pdf.footerTemplate,
        margins: pdf.margins,
        generateTaggedPDF: true,
      });
      return new Uint8Array(data);
    } catch (error) {
      // Start the next report from a fresh page.
      discard();
      throw error;
    }
  }

  return {
    defaultFolder: options.defaultFolder,
    isPrintWindow: (window) => window === warm,
    renderPdf(route, pdf) {
      const next = queue.then(() => print(route, pdf));
      queue = next.catch(() => undefined);
      return next;
    },
    // An open page (standing by, printing, or kept from the last report) takes the report by its hash instead.
    preparePdf: (route) => load(route),
    standBy: () => load(PRINT_STANDBY_ROUTE),
    // Once any report being printed is done (its caller has it); the new page standing by holds
    // no one's report, only its rehearsal of a template.
    forgetReports() {
      queue = queue
        .then(() => {
          discard();
          load(PRINT_STANDBY_ROUTE);
        })
        .catch(() => undefined);
    },
    dialogs: {
      async showSave(request) {
        const parent = options.parentWindow();
        const settings = {
          title: request.title,
          defaultPath: request.defaultPath,
          filters: request.filters,
          buttonLabel: request.buttonLabel,
          properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
        };
        const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async showOpen(request) {
        const parent = options.parentWindow();
        const settings = {
          title: request.title,
          defaultPath: request.defaultPath,
          filters: request.filters,
          buttonLabel: request.buttonLabel,
          properties: ['openFile'] as Array<'openFile'>,
        };
        const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
  };
}

/** Still there, with its page running: a kept window whose renderer crashed while idle is not. */
function isUsable(window: BrowserWindow): boolean {
  return !window.isDestroyed() && !window.webContents.isCrashed();
}

/** Runs a script of export/print-page.ts in the window; fails at once if the window goes away meanwhile. */
function evaluateIn(window: BrowserWindow, script: string): Promise<unknown> {
  if (window.isDestroyed()) return Promise.reject(new Error('The print window closed before the report was ready'));
  // Crashed before we listened (say, while loading): it would never answer the script.
  if (window.webContents.isCrashed())
    return Promise.reject(new Error('The print page stopped before the report was ready'));
  const contents = window.webContents;
  return new Promise((resolve, reject) => {
    const gone = () => reject(new Error('The print window closed before the report was ready'));
    // A crashed page never answers the script: without this, the export would wait out its timeout.
    const crashed = (_event: unknown, details: { reason: string }) =>
      reject(new Error(`The print page stopped (${details.reason}) before the report was ready`));
    contents.once('destroyed', gone);
    contents.once('render-process-gone', crashed);
    contents
      .executeJavaScript(script, true)
      .then(resolve, reject)
      .finally(() => {
        contents.removeListener('destroyed', gone);
        contents.removeListener('render-process-gone', crashed);
      });
  });
}
