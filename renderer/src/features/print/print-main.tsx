/**
 * The print route's entry (print.html): reads what to print from the address, fetches the
 * stored plan(s) over the same contract as the app (`report:get`; the data pack once per page,
 * with `datapack:get`), projects them with the shared engine, renders the report, and declares
 * it ready for the PDF printer by setting `document.body.dataset.ready = 'true'` once the fonts
 * are in and every chart has drawn. On failure it sets `data-ready="error"` and `data-error`
 * instead, so the printer never waits out its timeout on a page that will not come.
 */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './print.css';
import { createRoot } from 'react-dom/client';
import type { DataPack } from '../../../../shared/datapack/schema';
import { call } from '../../api';
import { formatMoney, formatMoneyCompact } from '../planner/format';
import { buildReport } from './report-model';
import { Report } from './report';
import { pageRule, parsePrintParams } from './print-params';

// No zod here (main.tsx configures it for the app): this page parses nothing, and stays small.

const body = document.body;
const element = document.getElementById('root');
if (!element) throw new Error('print.html has no #root element');
const root = createRoot(element);

function fail(message: string): void {
  root.render(
    <div className="report-error" role="alert">
      <h1>The report could not be made</h1>
      <p>{message}</p>
    </div>,
  );
  body.dataset.error = message;
  body.dataset.ready = 'error';
}

/** Fonts first: chart.js draws its text once, in whatever font is loaded at that moment. */
async function loadFonts(): Promise<void> {
  try {
    await Promise.all(['400', '500', '600', '700'].map((weight) => document.fonts.load(`${weight} 12px Inter`)));
  } catch (error) {
    // A report in a fallback font is better than no report.
    console.warn('[print] the bundled font did not load:', error);
  }
}

/** The page box follows the request: Letter or A4. A constructed sheet, as the CSP allows no inline style. */
let pageSheet: CSSStyleSheet | null = null;
function setPaper(paper: 'letter' | 'a4'): void {
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  }
  pageSheet.replaceSync(pageRule(paper));
  document.documentElement.dataset.paper = paper;
}

/**
 * What to print: the address's query on first load; after that, its hash. A printer that keeps
 * this page open between reports (a class's worth of PDFs) asks for the next one by clearing
 * `data-ready` and setting `location.hash` to the next query (or, when the query is the same,
 * sending `hashchange` itself), which skips reloading the page. See electron/main/export/print-page.ts.
 */
function requestedQuery(): string {
  return window.location.hash.length > 1 ? window.location.hash.slice(1) : window.location.search;
}

/**
 * The data pack can't change while the app runs, so a page kept open for a run of reports fetches
 * it once; the engine also indexes it once (its index is cached per pack object). A failed fetch
 * is forgotten, so the next report asks again.
 */
let dataPack: Promise<DataPack> | undefined;
function loadDataPack(): Promise<DataPack> {
  dataPack ??= call('datapack:get', {}).catch((error: unknown) => {
    dataPack = undefined;
    throw error;
  });
  return dataPack;
}

/**
 * A new page's first number format takes 25–40 ms (ICU loads its data). Made while the report's
 * data is on its way rather than after it; the formats are cached, so later reports skip this.
 */
function prepareMoneyFormats(): void {
  formatMoney(0);
  formatMoneyCompact(0);
}

let generation = 0;

async function start(): Promise<void> {
  const mine = ++generation;
  performance.mark('print:start');
  const params = parsePrintParams(requestedQuery());
  if (!params.ok) return fail(params.message);
  const { planId, compareWithId, paper, studentName, date } = params.value;
  setPaper(paper);

  const inputs = Promise.all([
    call('report:get', compareWithId === undefined ? { planId } : { planId, compareWithId }).then((value) => {
      performance.mark('print:data');
      return value;
    }),
    loadDataPack(),
    loadFonts().then(() => performance.mark('print:fonts')),
  ]);
  prepareMoneyFormats();
  const [data, pack] = await inputs;
  if (mine !== generation) return; // A newer request came in meanwhile.
  const model = buildReport({
    plan: data.plan.plan,
    pack,
    compareWith: data.compareWith?.plan ?? null,
    studentName: studentName ?? data.plan.plan.studentName ?? null,
    date,
  });
  document.title = `${model.title} — plan report`;
  performance.mark('print:model');

  // Called from the charts' effects, after React committed the whole report. No requestAnimationFrame:
  // the app prints from a hidden window, where frames may never be scheduled.
  const ready = async () => {
    performance.mark('print:drawn');
    await document.fonts.ready;
    performance.mark('print:ready');
    if (mine === generation) body.dataset.ready = 'true';
  };
  // A new key per request: the report and its charts are built afresh, never patched.
  root.render(<Report key={mine} model={model} paper={paper} onReady={() => void ready()} />);
}

function run(): void {
  start().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}

window.addEventListener('hashchange', () => {
  delete body.dataset.ready;
  delete body.dataset.error;
  run();
});
run();
