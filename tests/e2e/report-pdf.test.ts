/**
 * The PDF report end to end: `export:pdf` through the real handlers and a real database, the
 * print route rendered by Chromium's print pipeline (page.pdf, as printToPDF in the app), then
 * read back with poppler: `pdftotext` must find the figures the table shows, the sources and
 * their dates; `pdfinfo` the paper size; `pdftoppm` renders pages to tests/artifacts/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { buildReport } from '../../renderer/src/features/print/report-model';
import { careerPlan, pathwayPlan, stayPlan } from './fixtures/report-plans';
import { ARTIFACTS_DIR } from './harness';
import { useApp } from './use-app';
import { createPlaywrightPrinter, playwrightRenderPdf } from './pdf-platform';
import { reportPdfOptions } from '../../electron/main/export/pdf-options';
import { nextReportScript, PRINT_STANDBY_ROUTE, UNTIL_READY } from '../../electron/main/export/print-page';
import { writeFileSync } from 'node:fs';

type Saved = ChannelOutput<'export:pdf'>;
type Stored = ChannelOutput<'plans:create'>;

const pack = loadDataPack();

function pdfText(file: string): string {
  // -layout keeps each table row on one line, as it is printed.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size || !pages) throw new Error(`pdfinfo said:\n${info}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Every page's MediaBox as written in the file (points), independent of poppler's rounding. */
function mediaBoxes(file: string): number[][] {
  const text = readFileSync(file).toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

function renderPages(file: string, name: string, pages: number): string[] {
  const prefix = join(ARTIFACTS_DIR, name);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', String(pages), file, prefix]);
  // pdftoppm numbers pages with as many digits as the last page needs.
  return Array.from({ length: pages }, (_, i) => `${prefix}-${i + 1}.png`);
}

describe('PDF report', () => {
  const app = useApp();
  let out: string;
  let pathway: Stored;
  let stay: Stored;
  let career: Stored;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'pathway-report-'));
    pathway = await app.call<Stored>('plans:create', { plan: pathwayPlan() });
    stay = await app.call<Stored>('plans:create', { plan: stayPlan() });
    career = await app.call<Stored>('plans:create', { plan: careerPlan() });
  });
  afterAll(async () => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  async function exportPdf(input: Record<string, unknown>, file: string): Promise<Saved> {
    app.dialogs.answerSave(join(out, file));
    return app.call<Saved>('export:pdf', input);
  }

  it('prints a Letter report whose text has the figures, the comparison, the sources and their dates', async () => {
    const saved = await exportPdf(
      { planId: pathway.id, paper: 'letter', studentName: 'Jordan Rivera', compareWithId: stay.id },
      'jordan.pdf',
    );
    expect(saved).toMatchObject({ status: 'saved', fileName: 'jordan.pdf' });
    if (saved.status !== 'saved') return;
    const request = app.dialogs.saves.at(-1)!;
    expect(request.defaultPath).toMatch(/Jordan Rivera - Texas MA with certificate\.pdf$/);

    const info = pdfInfo(saved.path);
    expect([info.width, info.height]).toEqual([612, 792]);
    for (const box of mediaBoxes(saved.path)) expect(box).toEqual([0, 0, 612, 792]);

    const text = pdfText(saved.path);
    const model = buildReport({
      plan: pathwayPlan(),
      pack,
      compareWith: stayPlan(),
      studentName: 'Jordan Rivera',
      date: '2000-01-01',
    });
    const first = model.rows[0]!;
    const last = model.rows.at(-1)!;
    expect(text).toContain('Texas MA with certificate');
    expect(text).toContain('Jordan Rivera');
    expect(text).toMatch(/Data pack 2026\.11\.1 · pay data as of May 2025/);
    // The first and last year's rows as the table prints them.
    expect(text).toMatch(new RegExp(`${first.year}\\s+${escape(first.role)}\\s+${escape(first.salary)}\\s+${escape(first.low)} – ${escape(first.high)}`));
    expect(text).toMatch(new RegExp(`${last.year}\\s+${escape(last.role)}\\s+${escape(last.salary)}`));
    expect(text).toMatch(new RegExp(`Total over 10 years\\s+${escape(model.totals.earnings)}\\s+${escape(model.totals.costs)}\\s+${escape(model.totals.net)}`));
    // The comparison's sentences (shared/compare/sentences.ts) and the break-even.
    expect(model.comparison?.sentences.length).toBeGreaterThan(0);
    for (const sentence of model.comparison!.sentences) expect(squash(text)).toContain(sentence);
    expect(squash(text)).toContain(model.comparison!.breakEven);
    // Assumptions and overrides.
    expect(text).toMatch(/Yearly raise above inflation\s+1\.5% a year\s+CHANGED/);
    expect(squash(text)).toContain('Earn CMA (Certified Medical Assistant) costs $300');
    expect(squash(text)).toContain('changes pay by +4%');
    // Every source, with its date.
    expect(model.sources.length).toBeGreaterThan(2);
    for (const source of model.sources) {
      expect(squash(text)).toContain(squash(source.publisher));
      expect(squash(text)).toContain(`Date: ${source.period}`);
    }
    expect(text).toContain('What this projection is, and what it is not');
    expect(text).toMatch(/Page 1 of \d/);
    // The bundled Inter is embedded (no network, no system font needed for the page itself).
    const fonts = execFileSync('pdffonts', [saved.path], { encoding: 'utf8' });
    expect(fonts).toMatch(/Inter/);

    const pngs = renderPages(saved.path, 'report-letter', Math.min(info.pages, 4));
    expect(pngs.every((png) => readFileSync(png).length > 10_000)).toBe(true);
    // Counselors print in black and white: page 1 in grayscale, to look at.
    execFileSync('pdftoppm', ['-r', '80', '-png', '-gray', '-f', '1', '-l', '1', '-singlefile', saved.path, join(ARTIFACTS_DIR, 'report-letter-gray')]);
  });

  it('prints A4 on A4 paper, and a 45-year table across pages without cutting a row', async () => {
    const saved = await exportPdf({ planId: career.id, paper: 'a4' }, 'career.pdf');
    if (saved.status !== 'saved') throw new Error('not saved');
    const info = pdfInfo(saved.path);
    expect(info.width).toBeCloseTo(595.28, 0);
    expect(info.height).toBeCloseTo(841.89, 0);
    expect(info.pages).toBeGreaterThanOrEqual(3);

    const model = buildReport({ plan: careerPlan(), pack, date: '2000-01-01' });
    const text = pdfText(saved.path);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    // Every year's row is printed whole (year, role, salary, range on one line) exactly once.
    const rowLine = (row: (typeof model.rows)[number]) =>
      new RegExp(`^\\s*${row.year}\\s+${escape(row.role)}\\s+${escape(row.salary)}\\s+${escape(row.low)} – ${escape(row.high)}`, 'm');
    for (const row of model.rows) {
      expect(pages.filter((p) => rowLine(row).test(p)), `row ${row.year}`).toHaveLength(1);
    }
    // The head repeats on every page the table continues on.
    const tablePages = pages.filter((p) => model.rows.some((row) => rowLine(row).test(p)));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toMatch(/YEAR\s+ROLE\s+SALARY/);
    expect(text).toContain(`Total over 45 years`);

    renderPages(saved.path, 'report-a4', Math.min(info.pages, 3));
  });

  it('says which paper it printed: the same plan on Letter and on A4', async () => {
    const letter = await exportPdf({ planId: stay.id, paper: 'letter' }, 'stay-letter.pdf');
    const a4 = await exportPdf({ planId: stay.id, paper: 'a4' }, 'stay-a4.pdf');
    if (letter.status !== 'saved' || a4.status !== 'saved') throw new Error('not saved');
    expect(mediaBoxes(letter.path).every((box) => box[2] === 612 && box[3] === 792)).toBe(true);
    expect(mediaBoxes(a4.path).every((box) => Math.round(box[2]!) === 595 && Math.round(box[3]!) === 842)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('prints the same report again, as it is now: the open print page re-renders for the same address', async () => {
    const plan = await app.call<Stored>('plans:create', { plan: { ...stayPlan(), name: 'Before the edit' } });
    const first = await exportPdf({ planId: plan.id, paper: 'letter' }, 'again-1.pdf');
    await app.call('plans:rename', { id: plan.id, name: 'After the edit' });
    const second = await exportPdf({ planId: plan.id, paper: 'letter' }, 'again-2.pdf');
    const third = await exportPdf({ planId: plan.id, paper: 'letter' }, 'again-3.pdf');
    if (first.status !== 'saved' || second.status !== 'saved' || third.status !== 'saved') throw new Error('not saved');
    expect(pdfText(first.path)).toContain('Before the edit');
    for (const saved of [second, third]) {
      expect(pdfText(saved.path)).toContain('After the edit');
      expect(pdfText(saved.path)).not.toContain('Before the edit');
    }
  });

  it('a print page that cannot make its report says why at once, on a new page and on an open one', async () => {
    const print = playwrightRenderPdf(() => app.context, () => app.url);
    const options = reportPdfOptions('letter', { planName: 'x' });
    const started = Date.now();
    await expect(print('print.html?planId=999999&paper=letter&date=2026-05-04', options)).rejects.toThrow(/^The report page failed: /);
    await print(`print.html?planId=${stay.id}&paper=letter&date=2026-05-04`, options);
    await expect(print('print.html?planId=999998&paper=letter&date=2026-05-04', options)).rejects.toThrow(/^The report page failed: /);
    // Not the ready timeout (20 s): the page's own error ends the wait.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a late failure of an earlier report does not take over the page from the report after it', async () => {
    const page = await app.context.newPage();
    try {
      // This page's report:get for plan 999997 (there is none) fails, but only 1.5 s late.
      await page.addInitScript(delayReplies(`channel === 'report:get' && input.planId === 999997`, 1500));
      await page.goto(new URL('print.html?planId=999997&paper=letter&date=2026-05-04', app.url).href);
      // Before that failure comes in, a printer asks the open page for the next report.
      const next = await page.evaluate(nextReportScript(`print.html?planId=${stay.id}&paper=letter&date=2026-05-04`));
      expect(next).toEqual({ ready: 'true' });
      await page.waitForTimeout(2000);
      expect(await page.evaluate('({ ready: document.body.dataset.ready, error: document.body.dataset.error })')).toEqual({ ready: 'true' });
      expect(await page.locator('[role="alert"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('a kept page that has already failed is not asked for a report: its own error comes back at once', async () => {
    const page = await app.context.newPage();
    try {
      await page.goto(new URL(PRINT_STANDBY_ROUTE, app.url).href);
      // As print-entry.ts leaves a page whose report module did not load (nothing then listens for the hash).
      await page.evaluate(`document.body.dataset.error = 'The report page did not load: test'; document.body.dataset.ready = 'error'`);
      const started = Date.now();
      const next = await page.evaluate(nextReportScript(`print.html?planId=${stay.id}&paper=letter&date=2026-05-04`));
      expect(next).toEqual({ ready: 'error', error: 'The report page did not load: test' });
      expect(Date.now() - started).toBeLessThan(2_000);
      // The page was left as it was: not asked by its hash.
      expect(await page.evaluate('location.hash')).toBe('');
    } finally {
      await page.close();
    }
  });

  it('a page standing by rehearses unseen, then prints its first report exactly as a page of its own does', async () => {
    const route = `print.html?planId=${career.id}&paper=letter&date=2026-05-04&student=Jordan+Rivera`;
    const options = reportPdfOptions('letter', { planName: careerPlan().name, studentName: 'Jordan Rivera' });
    const standing = createPlaywrightPrinter(() => app.context, () => app.url);
    await standing.standBy();
    const page = app.context.pages().at(-1)!;
    // The rehearsal report is gone again, and the page says nothing about it.
    expect(await page.evaluate('document.getElementById("root").childElementCount')).toBe(0);
    expect(await page.evaluate('document.body.dataset.ready ?? null')).toBeNull();
    const fromStandby = join(out, 'standby.pdf');
    writeFileSync(fromStandby, await standing.renderPdf(route, options));
    await page.close();

    const fresh = join(out, 'fresh.pdf');
    writeFileSync(fresh, await playwrightRenderPdf(() => app.context, () => app.url)(route, options));
    expect(pdfText(fromStandby)).toContain('Jordan Rivera');
    expect(pdfText(fromStandby)).toBe(pdfText(fresh));
    expect(app.problems).toEqual([]);
  });

  it('a report asked of a page while it rehearses is printed, not the rehearsal', async () => {
    const page = await app.context.newPage();
    try {
      // This page's data pack comes 1 s late, so there is time to watch for the rehearsal.
      await page.addInitScript(delayReplies(`channel === 'datapack:get'`, 1000));
      await page.goto(new URL(PRINT_STANDBY_ROUTE, app.url).href);
      await page.locator('body[data-standby="true"]').waitFor({ state: 'attached' });
      // The moment the rehearsal's report is in the page, before its charts have drawn, the report is
      // asked for (synchronously, as a printer's hashchange would arrive at the worst time).
      const query = `planId=${stay.id}&paper=letter&date=2026-05-04`;
      await page.evaluate(`new MutationObserver((_records, observer) => {
        observer.disconnect();
        document.body.removeAttribute('data-ready');
        history.replaceState(null, '', '#' + ${JSON.stringify(query)});
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }).observe(document.getElementById('root'), { childList: true })`);
      expect(await page.evaluate(UNTIL_READY)).toEqual({ ready: 'true' });
      // Long after: the rehearsal neither cleared the report nor said it had rehearsed.
      await page.waitForTimeout(1500);
      expect(await page.evaluate('({ ready: document.body.dataset.ready, standby: document.body.dataset.standby ?? null })')).toEqual({
        ready: 'true',
        standby: null,
      });
      expect(await page.locator('h1').first().textContent()).toBe(stayPlan().name);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('cancelling the save dialog prints nothing', async () => {
    app.dialogs.answerSave(null);
    await expect(app.call('export:pdf', { planId: stay.id, paper: 'letter' })).resolves.toEqual({ status: 'cancelled' });
  });
});

/**
 * An init script that delays the replies of the page's bridge by `ms` for the calls `when` (a
 * JavaScript condition over `channel` and `input`) matches, whether the bridge is set before or after it.
 */
function delayReplies(when: string, ms: number): string {
  return `(() => {
    const slow = (planner) => ({ ...planner, invoke: (channel, input) =>
      ${when}
        ? new Promise((done) => setTimeout(done, ${ms})).then(() => planner.invoke(channel, input))
        : planner.invoke(channel, input) });
    if (window.planner) { window.planner = slow(window.planner); return; }
    let wrapped;
    Object.defineProperty(window, 'planner', { configurable: true, get: () => wrapped, set: (value) => { wrapped = slow(value); } });
  })()`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text with line breaks and runs of spaces made single spaces (wrapped lines joined). */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}
