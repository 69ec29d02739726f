/**
 * axe-core for the e2e tests: one scan of the page (or of part of it) against WCAG 2.0 and 2.1,
 * levels A and AA, and a report that says what to fix. No rule is ever disabled here: a
 * violation is fixed in the app.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface ScanOptions {
  /** Scan only this part of the page (a CSS selector), e.g. an open dialog. */
  include?: string;
}

/** The violations axe finds on the page as it is now. */
export async function axeViolations(page: Page, options: ScanOptions = {}): Promise<Result[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (options.include) builder = builder.include(options.include);
  // Legacy mode runs axe in this page only; the default opens a blank page per scan to merge
  // frames, which we don't have, and that doubles the time of a scan.
  const results = await builder.setLegacyMode(true).analyze();
  return results.violations;
}

/**
 * One line per rule and one per element it failed on: the rule id, its impact, the help text and
 * link, the element's selector and axe's summary of what is wrong with it.
 */
export function describeViolations(screen: string, violations: Result[]): string {
  if (violations.length === 0) return `${screen}: no violations`;
  const lines = [`${screen}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown impact'}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`    at ${node.target.join(' ')}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n\s*/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

/** Scans the page and throws the report above when axe finds anything. */
export async function expectNoAxeViolations(
  page: Page,
  screen: string,
  options: ScanOptions = {},
): Promise<void> {
  const violations = await axeViolations(page, options);
  if (violations.length > 0) throw new Error(describeViolations(screen, violations));
}

/**
 * Charts are canvases, which axe can't read: each must be an image with a summary (role="img"
 * and an aria-label), and the screen must have a table with the figures. Returns what is missing.
 */
export async function chartProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const canvases = Array.from(document.querySelectorAll('canvas'));
    canvases.forEach((canvas, i) => {
      if (canvas.getAttribute('role') !== 'img') problems.push(`canvas ${i + 1} has no role="img"`);
      if (!(canvas.getAttribute('aria-label') ?? '').trim())
        problems.push(`canvas ${i + 1} has no aria-label`);
    });
    if (canvases.length > 0 && document.querySelectorAll('table tbody tr').length === 0)
      problems.push(`${canvases.length} chart(s) but no table with their figures`);
    return problems;
  });
}
