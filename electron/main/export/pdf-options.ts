/**
 * How a report is printed: paper, margins, and the footer Chromium draws on every page (the
 * plan, the student and "Page 2 of 3"). Header and footer templates live outside the page, so
 * they cannot use its stylesheets or fonts: their styles are inline, and the font falls back to
 * the system's sans-serif if Inter is not installed (the page itself uses the bundled Inter).
 */
import type { Paper, PdfRenderOptions } from '../files/platform';

/** Letter 8.5 × 11 in, A4 210 × 297 mm: the report's CSS @page uses the same sizes. */
export const PAPER_SIZES_IN: Record<Paper, { width: number; height: number }> = {
  letter: { width: 8.5, height: 11 },
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
};

export const REPORT_MARGINS_IN = { top: 0.5, bottom: 0.7, left: 0.6, right: 0.6 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function reportPdfOptions(paper: Paper, footer: { planName: string; studentName?: string }): PdfRenderOptions {
  const who = footer.studentName ? `${footer.studentName} · ` : '';
  const font = "font-family: Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 8pt; color: #4a5866;";
  return {
    paper,
    margins: REPORT_MARGINS_IN,
    // An empty element, or Chromium prints its default header (the date and the page title).
    headerTemplate: '<span></span>',
    footerTemplate:
      `<div style="${font} width: 100%; margin: 0 ${REPORT_MARGINS_IN.left}in; display: flex; justify-content: space-between; gap: 16px;">` +
      `<span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${escapeHtml(`${who}${footer.planName}`)} · Pathway Planner</span>` +
      '<span style="white-space: nowrap;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' +
      '</div>',
  };
}
