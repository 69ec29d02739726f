/**
 * The print route's entry (print.html). A new print page spends most of its first few hundred
 * milliseconds loading and compiling the report module (print-main.tsx: React, chart.js, the
 * engine). This small entry starts everything that only waits on others first: the round trips
 * to main for the plan and the data pack, the font files, ICU's number data. Then it loads the
 * report module, which finds them on their way or already in.
 */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './print.css';
import { loadFonts, prefetchReportInputs, prepareMoneyFormats } from './print-inputs';
import { requestedQuery } from './print-params';

performance.mark('print:entry');
prefetchReportInputs(requestedQuery(window.location));
void loadFonts();
prepareMoneyFormats();

import('./print-main').then(
  ({ startPrinting }) => startPrinting(),
  (error: unknown) => {
    // Without its report module the page can't say anything better; the printer stops waiting at once.
    document.body.dataset.error = `The report page did not load: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.ready = 'error';
  },
);
