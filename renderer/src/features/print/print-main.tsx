/**
 * The print route's report module, loaded by its entry (print-entry.ts) once that has started
 * fetching what the first report needs (print-inputs.ts). Reads what to print from the address,
 * projects the stored plan(s) with the shared engine, renders the report, and declares it ready
 * for the PDF printer by setting `document.body.dataset.ready = 'true'` once the fonts are in and
 * every chart has drawn. On failure it sets `data-ready="error"` and `data-error` instead, so the
 * printer never waits out its timeout on a page that will not come.
 */
import { createRoot } from 'react-dom/client';
import { buildReport } from './report-model';
import { Report } from './report';
import { loadFonts, reportInputs } from './print-inputs';
import { pageRule, parsePrintParams, requestedQuery } from './print-params';

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

/** Prints the report the address asks for, then each one a printer asks for in the hash. */
export function startPrinting(): void {
  window.addEventListener('hashchange', () => {
    delete body.dataset.ready;
    delete body.dataset.error;
    run();
  });
  run();
}
