/**
 * The print route's report module, loaded by its entry (print-entry.ts) once that has started
 * fetching what the first report needs (print-inputs.ts). Reads what to print from the address,
 * projects the stored plan(s) with the shared engine, renders the report, and declares it ready
 * for the PDF printer by setting `document.body.dataset.ready = 'true'` once the fonts are in and
 * every chart has drawn. On failure it sets `data-ready="error"` and `data-error` instead, so the
 * printer never waits out its timeout on a page that will not come.
 */
import { createRoot } from 'react-dom/client';
import { NATION_PLACE_ID } from '../../../../shared/engine/data-pack-index';
import { planFromTemplate } from '../../../../shared/templates/plan-from-template';
import { buildReport } from './report-model';
import { Report } from './report';
import { loadDataPack, loadFonts, reportInputs } from './print-inputs';
import { isStandby, pageRule, parsePrintParams, requestedQuery } from './print-params';

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

let generation = 0;

/** Renders request number `mine`; any newer request makes it stop, quietly. */
async function start(mine: number): Promise<void> {
  performance.mark('print:start');
  const query = requestedQuery(window.location);
  const params = parsePrintParams(query);
  if (!params.ok) return fail(params.message);
  const { paper, studentName, date } = params.value;
  setPaper(paper);

  const [{ data, pack }] = await Promise.all([reportInputs(query, params.value), loadFonts()]);
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
  const mine = ++generation;
  start(mine).catch((error: unknown) => {
    // A failure that comes in after a newer request must not take over that request's page.
    if (mine === generation) fail(error instanceof Error ? error.message : String(error));
  });
}

/**
 * A page standing by (isStandby) draws one report of a sample pathway, unseen (the window is
 * hidden and the report is laid out for print only), then clears it. The first real report then
 * runs code the page has already run once (React's, chart.js's, the engine's) with fonts already
 * laid out, instead of paying for all of it on the user's first PDF: a 45-year report got ready in
 * about 70 ms instead of 125 ms. `data-standby` says "rehearsed" when done; nothing waits for it.
 */
async function rehearse(): Promise<void> {
  const [pack] = await Promise.all([loadDataPack(), loadFonts()]);
  const template = pack.templates[0];
  // A real report that came in first has warmed the page itself.
  if (!template || generation !== 0) return;
  const today = new Date();
  const plan = planFromTemplate(template, pack, { startYear: today.getFullYear(), place: NATION_PLACE_ID });
  const date = today.toISOString().slice(0, 10);
  const model = buildReport({ plan, pack, compareWith: null, studentName: null, date });
  await new Promise<void>((drawn) =>
    root.render(<Report key={0} model={model} paper="letter" onReady={drawn} />),
  );
  if (generation !== 0) return;
  root.render(null);
  body.dataset.standby = 'rehearsed';
}

/** Prints the report the address asks for, then each one a printer asks for in the hash. */
export function startPrinting(): void {
  window.addEventListener('hashchange', () => {
    delete body.dataset.ready;
    delete body.dataset.error;
    delete body.dataset.standby;
    run();
  });
  // The hash counts too: a report asked of a page standing by before this module had loaded (and
  // listened for hashchange) is printed now, not missed.
  if (!isStandby(requestedQuery(window.location))) return run();
  // Loaded ahead of any report: rehearse, then wait for the first report to come by the hash.
  body.dataset.standby = 'true';
  rehearse().catch((error: unknown) => console.warn('[print] the rehearsal report failed:', error));
}
