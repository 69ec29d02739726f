/**
 * The e2e stand-in for the app's `renderPdf`: the same print route, printed by the same Chromium
 * pipeline (`page.pdf()` is DevTools' Page.printToPDF, which Electron's webContents.printToPDF
 * also calls), with the same options the app passes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { nextReportScript, PRINT_STANDBY_ROUTE, UNTIL_READY, untilReportReady } from '../../electron/main/export/print-page';
import type { PdfRenderOptions, RenderPdf } from '../../electron/main/files/platform';

export const READY_TIMEOUT_MS = 20_000;

export interface PlaywrightPrinter {
  renderPdf: RenderPdf;
  /**
   * Opens the kept page standing by, as the app does soon after start (electron-platform.ts
   * `standBy`), unless one is open; resolves once the page has rehearsed, so a test or the bench
   * knows what state the next report starts from (the app does not wait for that).
   */
  standBy(): Promise<void>;
}

/**
 * `getContext`/`getBaseUrl` are read per call: the harness creates them after the services.
 * Like the app (electron-platform.ts), the print page stays open after a report and the next one
 * only changes its hash; reports are printed one at a time, and the page is awaited with the
 * same scripts (export/print-page.ts).
 */
export function playwrightRenderPdf(getContext: () => BrowserContext, getBaseUrl: () => string): RenderPdf {
  return createPlaywrightPrinter(getContext, getBaseUrl).renderPdf;
}

export function createPlaywrightPrinter(getContext: () => BrowserContext, getBaseUrl: () => string): PlaywrightPrinter {
  let warm: Page | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function print(route: string, options: PdfRenderOptions): Promise<Uint8Array> {
    const reuse = warm && !warm.isClosed() ? warm : undefined;
    const page = reuse ?? (warm = await getContext().newPage());
    try {
      if (!reuse) await page.goto(new URL(route, getBaseUrl()).href);
      // Strings, not functions: evaluated as written under vitest and tsx (the bench) alike.
      await untilReportReady((script) => page.evaluate(script), reuse ? nextReportScript(route) : UNTIL_READY, READY_TIMEOUT_MS);
      return await page.pdf(playwrightPdfOptions(options));
    } catch (error) {
      warm = undefined;
      await page.close().catch(() => {});
      throw error;
    }
  }

  async function standBy(): Promise<void> {
    if (warm && !warm.isClosed()) return;
    const page = (warm = await getContext().newPage());
    await page.goto(new URL(PRINT_STANDBY_ROUTE, getBaseUrl()).href);
    await page.locator('body[data-standby="rehearsed"]').waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
  }

  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    renderPdf: (route, options) => serially(() => print(route, options)),
    standBy: () => serially(standBy),
  };
}

export function playwrightPdfOptions(options: PdfRenderOptions) {
  const inches = (n: number) => `${n}in`;
  return {
    format: options.paper === 'a4' ? 'A4' : 'Letter',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margin: {
      top: inches(options.margins.top),
      bottom: inches(options.margins.bottom),
      left: inches(options.margins.left),
      right: inches(options.margins.right),
    },
    tagged: true,
  };
}
