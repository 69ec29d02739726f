/**
 * The app's Platform over a fake `electron`: the hidden print window has the main window's
 * security settings and preload, prints with the report's options once the page says ready,
 * counts as "our window" while it is open, can be opened standing by before any report, stays
 * open for the next report, and is destroyed when the main window closes or when a report fails.
 * Dialogs pass what the user chose, or null for Cancel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class FakeWebContents {
    ready: unknown = { ready: 'true' };
    executeJavaScript = vi.fn(async () => this.ready);
    printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 fake'));
    listeners = new Map<string, (...args: unknown[]) => void>();
    once = vi.fn((event: string, listener: (...args: unknown[]) => void) => this.listeners.set(event, listener));
    removeListener = vi.fn((event: string) => this.listeners.delete(event));
    crashed = false;
    isCrashed() {
      return this.crashed;
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    destroyed = false;
    constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
      FakeBrowserWindow.created.push(this);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [] },
    dialog: {
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/home/jo/report.pdf' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
  };
});
vi.mock('electron', () => electron);

import type { BrowserWindow } from 'electron';
import { createElectronPlatform, PRINT_READY_TIMEOUT_MS } from '../../../electron/main/files/electron-platform';
import { reportPdfOptions } from '../../../electron/main/export/pdf-options';
import { nextReportScript, PRINT_STANDBY_ROUTE, UNTIL_READY } from '../../../electron/main/export/print-page';
import { buildWindowOptions } from '../../../electron/main/window';

type Fake = InstanceType<typeof electron.BrowserWindow>;

/** Longer than any idle time a print window was ever given: it must still be open after it. */
const AN_HOUR_MS = 60 * 60 * 1000;

const loadRoute = vi.fn(async (_window: BrowserWindow, _route: string) => {});
const parentListeners = new Map<string, () => void>();
const parent = { once: (event: string, listener: () => void) => parentListeners.set(event, listener) } as unknown as BrowserWindow;

function newPlatform() {
  return createElectronPlatform({
    preloadPath: '/app/out/preload/index.js',
    parentWindow: () => parent,
    loadRoute,
    defaultFolder: '/home/jo/Documents',
  });
}

beforeEach(() => {
  electron.BrowserWindow.created = [];
  loadRoute.mockClear();
  parentListeners.clear();
  vi.useRealTimers();
});

describe('electron platform', () => {
  it('prints the route in a hidden, sandboxed window with the main window settings and preload', async () => {
    const platform = newPlatform();
    let duringPrint = false;
    loadRoute.mockImplementationOnce(async (window) => {
      duringPrint = platform.isPrintWindow(window);
    });
    const options = reportPdfOptions('a4', { planName: 'Plan <b>', studentName: 'Jo' });
    const pdf = await platform.renderPdf('print.html?planId=1&paper=a4&date=2026-05-04', options);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');

    const [window] = electron.BrowserWindow.created as Fake[];
    const main = buildWindowOptions('/app/out/preload/index.js').webPreferences!;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({
      ...main,
      // Only these two differ: no spelling to check, and no throttling of a hidden window.
      spellcheck: false,
      backgroundThrottling: false,
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(loadRoute.mock.calls[0]![1]).toBe('print.html?planId=1&paper=a4&date=2026-05-04');
    expect(duringPrint).toBe(true);
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      margins: options.margins,
      generateTaggedPDF: true,
    });
    expect(options.footerTemplate).toContain('Jo · Plan &#60;b&#62;');
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span>');
  });

  it('keeps the window for the next report (only the hash changes), however long that takes', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    const options = reportPdfOptions('letter', { planName: 'x' });
    await platform.renderPdf('print.html?planId=1&paper=letter&date=2026-05-04', options);
    await platform.renderPdf('print.html?planId=2&paper=letter&date=2026-05-04', options);
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(loadRoute).toHaveBeenCalledTimes(1);
    const window = electron.BrowserWindow.created[0] as Fake;
    const script = window.webContents.executeJavaScript.mock.calls.map((call) => String((call as unknown[])[0])).find((js) => js.includes('location.hash'));
    expect(script).toBe(nextReportScript('print.html?planId=2&paper=letter&date=2026-05-04'));
    expect(script).toContain('"#planId=2&paper=letter&date=2026-05-04"');
    expect(platform.isPrintWindow(window as unknown as BrowserWindow)).toBe(true);

    vi.advanceTimersByTime(AN_HOUR_MS);
    expect(window.destroyed).toBe(false);
    await platform.renderPdf('print.html?planId=3&paper=letter&date=2026-05-04', options);
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(loadRoute).toHaveBeenCalledTimes(1);
  });

  it('closes the print window with the main window, so the app can quit', async () => {
    const platform = newPlatform();
    await platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    parentListeners.get('closed')!();
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
  });

  it('gives up on a page that reports an error, and closes the window', async () => {
    const platform = newPlatform();
    loadRoute.mockImplementationOnce(async (window) => {
      (window as unknown as Fake).webContents.ready = { ready: 'error', error: 'Plan 9 was not found.' };
    });
    await expect(platform.renderPdf('print.html?planId=9', reportPdfOptions('letter', { planName: 'x' }))).rejects.toThrow(
      'The report page failed: Plan 9 was not found.',
    );
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
    // The next report starts from a fresh window.
    await platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    expect(electron.BrowserWindow.created).toHaveLength(2);
  });

  it('loads the print page while the save dialog is open, then prints in it without loading it again', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    const route = 'print.html?planId=1&paper=letter&date=2026-05-04';
    platform.preparePdf!(route);
    const window = electron.BrowserWindow.created[0] as Fake;
    expect(loadRoute).toHaveBeenCalledTimes(1);
    expect(loadRoute.mock.calls[0]![1]).toBe(route);
    // Its report may fetch its data already: the window counts as the print window.
    expect(platform.isPrintWindow(window as unknown as BrowserWindow)).toBe(true);

    await platform.renderPdf(route, reportPdfOptions('letter', { planName: 'x' }));
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(loadRoute).toHaveBeenCalledTimes(1);
    // The page renders the route it was loaded with: awaited as it is, not asked by its hash.
    expect(window.webContents.executeJavaScript.mock.calls.map((call) => (call as unknown[])[0])).toEqual([UNTIL_READY]);
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(1);
  });

  it('keeps a prepared page nobody printed (the dialog was cancelled) and prints the next report in it by its hash', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    platform.preparePdf!('print.html?planId=1&paper=letter&date=2026-05-04');
    const window = electron.BrowserWindow.created[0] as Fake;
    await vi.advanceTimersByTimeAsync(AN_HOUR_MS);
    expect(window.destroyed).toBe(false);
    expect(platform.isPrintWindow(window as unknown as BrowserWindow)).toBe(true);

    const route = 'print.html?planId=2&paper=letter&date=2026-05-04';
    await platform.renderPdf(route, reportPdfOptions('letter', { planName: 'x' }));
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(window.webContents.executeJavaScript.mock.calls.map((call) => (call as unknown[])[0])).toEqual([nextReportScript(route)]);
  });

  it('stands by: loads the print page with no report, then prints the first report in it by its hash', async () => {
    const platform = newPlatform();
    platform.standBy();
    const window = electron.BrowserWindow.created[0] as Fake;
    expect(loadRoute).toHaveBeenCalledTimes(1);
    expect(loadRoute.mock.calls[0]![1]).toBe(PRINT_STANDBY_ROUTE);
    // The page fetches the data pack while it stands by: it counts as the print window.
    expect(platform.isPrintWindow(window as unknown as BrowserWindow)).toBe(true);
    expect(window.options.show).toBe(false);

    const route = 'print.html?planId=4&paper=a4&date=2026-05-04';
    // The export asks to prepare its page too; the one standing by takes the report instead.
    platform.preparePdf!(route);
    await platform.renderPdf(route, reportPdfOptions('a4', { planName: 'x' }));
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(loadRoute).toHaveBeenCalledTimes(1);
    expect(window.webContents.executeJavaScript.mock.calls.map((call) => (call as unknown[])[0])).toEqual([nextReportScript(route)]);
    expect(window.webContents.printToPDF).toHaveBeenCalledTimes(1);
  });

  it('stands by only once: an open print window is kept, one whose page crashed is replaced', async () => {
    const platform = newPlatform();
    platform.standBy();
    platform.standBy();
    await platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    platform.standBy();
    expect(electron.BrowserWindow.created).toHaveLength(1);

    const first = electron.BrowserWindow.created[0] as Fake;
    first.webContents.crashed = true;
    platform.standBy();
    expect(first.destroyed).toBe(true);
    expect(electron.BrowserWindow.created).toHaveLength(2);
    expect(loadRoute).toHaveBeenLastCalledWith(electron.BrowserWindow.created[1], PRINT_STANDBY_ROUTE);
  });

  it('forgets the reports it holds: the kept page is closed and a new one stands by, after any report in progress', async () => {
    const platform = newPlatform();
    const options = reportPdfOptions('letter', { planName: 'x' });
    await platform.renderPdf('print.html?planId=1', options);
    const printing = platform.renderPdf('print.html?planId=2', options);
    platform.forgetReports!();
    await expect(printing).resolves.toBeInstanceOf(Uint8Array);
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(2));
    const [kept, fresh] = electron.BrowserWindow.created as Fake[];
    expect(kept!.webContents.printToPDF).toHaveBeenCalledTimes(2);
    expect(kept!.destroyed).toBe(true);
    expect(loadRoute).toHaveBeenLastCalledWith(fresh, PRINT_STANDBY_ROUTE);
    expect(platform.isPrintWindow(fresh as unknown as BrowserWindow)).toBe(true);
  });

  it('prints in a page of its own when the page standing by failed to load', async () => {
    const platform = newPlatform();
    loadRoute.mockImplementationOnce(async () => {
      throw new Error('ERR_FILE_NOT_FOUND');
    });
    platform.standBy();
    await platform.renderPdf('print.html?planId=5', reportPdfOptions('letter', { planName: 'x' }));
    expect(electron.BrowserWindow.created).toHaveLength(2);
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
    expect(loadRoute).toHaveBeenLastCalledWith(electron.BrowserWindow.created[1], 'print.html?planId=5');
    expect((electron.BrowserWindow.created[1] as Fake).webContents.executeJavaScript.mock.calls.map((call) => (call as unknown[])[0])).toEqual([UNTIL_READY]);
  });

  it('prints in a page of its own when the page standing by never finishes loading, and the queue goes on', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    const options = reportPdfOptions('letter', { planName: 'x' });
    // A page that hangs while loading (its renderer stuck, not crashed): its load never settles.
    loadRoute.mockImplementationOnce(() => new Promise(() => {}));
    platform.standBy();
    const first = platform.renderPdf('print.html?planId=5', options);
    const second = platform.renderPdf('print.html?planId=6', options);
    await vi.advanceTimersByTimeAsync(PRINT_READY_TIMEOUT_MS + 1);
    await expect(first).resolves.toBeInstanceOf(Uint8Array);
    await expect(second).resolves.toBeInstanceOf(Uint8Array);
    const [stuck, fresh] = electron.BrowserWindow.created as Fake[];
    expect(stuck!.destroyed).toBe(true);
    expect(loadRoute).toHaveBeenLastCalledWith(fresh, 'print.html?planId=5');
    expect(fresh!.webContents.printToPDF).toHaveBeenCalledTimes(2);
  });

  it('gives up on a page of its own that never finishes loading, and closes the window', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    loadRoute.mockImplementationOnce(() => new Promise(() => {}));
    const result = platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    const failed = expect(result).rejects.toThrow('The report page did not load in time');
    await vi.advanceTimersByTimeAsync(PRINT_READY_TIMEOUT_MS + 1);
    await failed;
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
  });

  it('prepares nothing when a print page is open, and starts afresh when a prepared page failed to load', async () => {
    const platform = newPlatform();
    const options = reportPdfOptions('letter', { planName: 'x' });
    await platform.renderPdf('print.html?planId=1', options);
    platform.preparePdf!('print.html?planId=2');
    expect(electron.BrowserWindow.created).toHaveLength(1);
    parentListeners.get('closed')!();

    loadRoute.mockImplementationOnce(async () => {
      throw new Error('ERR_FILE_NOT_FOUND');
    });
    platform.preparePdf!('print.html?planId=3');
    await platform.renderPdf('print.html?planId=3', options);
    expect(electron.BrowserWindow.created).toHaveLength(3);
    expect((electron.BrowserWindow.created[1] as Fake).destroyed).toBe(true);
    expect((electron.BrowserWindow.created[2] as Fake).webContents.printToPDF).toHaveBeenCalledTimes(1);
  });

  it('waits for the page without polling: one script, which settles when the page is ready', async () => {
    const platform = newPlatform();
    await platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    const window = electron.BrowserWindow.created[0] as Fake;
    expect(window.webContents.executeJavaScript).toHaveBeenCalledTimes(1);
    expect(window.webContents.executeJavaScript.mock.calls[0]).toEqual([UNTIL_READY, true]);
    // Nothing left listening on the window kept for the next report.
    expect(window.webContents.listeners.size).toBe(0);
  });

  it('gives up on a page that does not get ready in time, and closes the window', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    loadRoute.mockImplementationOnce(async (window) => {
      (window as unknown as Fake).webContents.executeJavaScript.mockImplementation(() => new Promise(() => {}));
    });
    const result = platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    const failed = expect(result).rejects.toThrow('The report page did not get ready in time');
    await vi.advanceTimersByTimeAsync(PRINT_READY_TIMEOUT_MS + 1);
    await failed;
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
  });

  it('fails at once when the print window goes away while the page is being waited for', async () => {
    const platform = newPlatform();
    let window: Fake | undefined;
    loadRoute.mockImplementationOnce(async (created) => {
      window = created as unknown as Fake;
      window.webContents.executeJavaScript.mockImplementation(() => new Promise(() => {}));
    });
    const result = platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' }));
    await vi.waitFor(() => expect(window?.webContents.listeners.has('destroyed')).toBe(true));
    window!.webContents.listeners.get('destroyed')!();
    await expect(result).rejects.toThrow('The print window closed before the report was ready');
  });

  it('fails at once when the print page crashes while it is being waited for, and starts afresh next time', async () => {
    vi.useFakeTimers();
    const platform = newPlatform();
    let window: Fake | undefined;
    loadRoute.mockImplementationOnce(async (created) => {
      window = created as unknown as Fake;
      window.webContents.executeJavaScript.mockImplementation(() => new Promise(() => {}));
    });
    const options = reportPdfOptions('letter', { planName: 'x' });
    const result = platform.renderPdf('print.html?planId=1', options);
    await vi.waitFor(() => expect(window?.webContents.listeners.has('render-process-gone')).toBe(true));
    window!.webContents.listeners.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 133 });
    await expect(result).rejects.toThrow('The print page stopped (crashed) before the report was ready');
    expect(window!.destroyed).toBe(true);

    await platform.renderPdf('print.html?planId=2', options);
    expect(electron.BrowserWindow.created).toHaveLength(2);
  });

  it('fails at once when the print page crashed while it was loading', async () => {
    const platform = newPlatform();
    loadRoute.mockImplementationOnce(async (created) => {
      (created as unknown as Fake).webContents.crashed = true;
    });
    await expect(
      platform.renderPdf('print.html?planId=1', reportPdfOptions('letter', { planName: 'x' })),
    ).rejects.toThrow('The print page stopped before the report was ready');
    expect((electron.BrowserWindow.created[0] as Fake).destroyed).toBe(true);
  });

  it('does not reuse a kept window whose page crashed while idle: it closes it and prints in a new one', async () => {
    const platform = newPlatform();
    const options = reportPdfOptions('letter', { planName: 'x' });
    await platform.renderPdf('print.html?planId=1', options);
    const first = electron.BrowserWindow.created[0] as Fake;
    first.webContents.crashed = true;
    await platform.renderPdf('print.html?planId=2', options);
    expect(first.destroyed).toBe(true);
    expect(electron.BrowserWindow.created).toHaveLength(2);
    expect((electron.BrowserWindow.created[1] as Fake).webContents.printToPDF).toHaveBeenCalledTimes(1);
    expect(loadRoute).toHaveBeenLastCalledWith(electron.BrowserWindow.created[1], 'print.html?planId=2');
  });

  it('passes the dialogs through, attached to the main window', async () => {
    const platform = newPlatform();
    await expect(
      platform.dialogs.showSave({ title: 'Save', defaultPath: '/home/jo/x.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    ).resolves.toBe('/home/jo/report.pdf');
    expect(electron.dialog.showSaveDialog.mock.calls[0]![0]).toBe(parent);
    await expect(platform.dialogs.showOpen({ title: 'Open', filters: [] })).resolves.toBeNull();
    expect(platform.defaultFolder).toBe('/home/jo/Documents');
  });
});
