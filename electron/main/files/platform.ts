/**
 * What the file features need from the desktop around them: native save and open dialogs, and a
 * way to print a renderer route to PDF. The Electron shell implements it with `dialog` and a
 * hidden window's `printToPDF` (electron-platform.ts); the e2e harness with temporary paths and
 * Playwright's `page.pdf()`. Services take it as an argument, so every one is testable.
 */

export interface FileFilter {
  name: string;
  /** Without dots: ['pdf'], ['json']. */
  extensions: string[];
}

export interface SaveDialogRequest {
  title: string;
  /** A full path (last folder + suggested name) or just the suggested name. */
  defaultPath: string;
  filters: FileFilter[];
  buttonLabel?: string;
}

export interface OpenDialogRequest {
  title: string;
  defaultPath?: string;
  filters: FileFilter[];
  buttonLabel?: string;
}

export interface FileDialogs {
  /** The path chosen, or null if the user cancelled. */
  showSave(request: SaveDialogRequest): Promise<string | null>;
  /** One file chosen, or null if the user cancelled. */
  showOpen(request: OpenDialogRequest): Promise<string | null>;
}

export type Paper = 'letter' | 'a4';

/** Inches, as Electron's printToPDF takes them. */
export interface PdfMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PdfRenderOptions {
  paper: Paper;
  margins: PdfMargins;
  /** Chromium header and footer templates (inline styles only; `pageNumber`/`totalPages` spans). */
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Loads `route` (a page of the built renderer with its query, e.g. `print.html?planId=3&…`),
 * waits for it to set `document.body.dataset.ready = 'true'`, and prints it to PDF bytes.
 * Rejects if the page reports `data-ready="error"` or does not get ready in time.
 */
export type RenderPdf = (route: string, options: PdfRenderOptions) => Promise<Uint8Array>;

export interface Platform {
  dialogs: FileDialogs;
  renderPdf: RenderPdf;
  /**
   * Optional: starts loading `route` for a `renderPdf` of it that is likely to follow, so a page
   * loads while the user is still choosing where to save, not after. Never throws; a page nobody
   * prints is kept for the next report.
   */
  preparePdf?: (route: string) => void;
  /**
   * Optional: drops every report a kept print page still holds in memory (its last report is
   * someone's plan), as at the end of a lab session. Never throws.
   */
  forgetReports?: () => void;
  /** Where dialogs start before a folder has been remembered (the user's Documents). */
  defaultFolder?: string;
}
