/**
 * What a report needs before it can be drawn, none of it heavy to load: the stored plan(s)
 * (`report:get`), the data pack (`datapack:get`, once per page), the bundled fonts, and the
 * money formats. Kept apart from the report module (React, chart.js, the engine: most of the
 * page's script), so the print entry (print-entry.ts) can start all of it while that module is
 * still loading and compiling, rather than after.
 */
import type { DataPack } from '../../../../shared/datapack/schema';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { formatMoney, formatMoneyCompact } from '../planner/format';
import { isStandby, parsePrintParams, type PrintParams } from './print-params';

export interface ReportInputs {
  data: ChannelOutput<'report:get'>;
  pack: DataPack;
}

/**
 * The data pack can't change while the app runs, so a page kept open for a run of reports fetches
 * it once; the engine also indexes it once (its index is cached per pack object). A failed fetch
 * is forgotten, so the next report asks again.
 */
let dataPack: Promise<DataPack> | undefined;
export function loadDataPack(): Promise<DataPack> {
  dataPack ??= call('datapack:get', {}).catch((error: unknown) => {
    dataPack = undefined;
    throw error;
  });
  return dataPack;
}

function fetchReportInputs({ planId, compareWithId }: PrintParams): Promise<ReportInputs> {
  const report = call('report:get', compareWithId === undefined ? { planId } : { planId, compareWithId });
  return Promise.all([report, loadDataPack()]).then(([data, pack]) => {
    performance.mark('print:data');
    return { data, pack };
  });
}

/** The first report's inputs, asked for by the entry before the report module has loaded. */
let early: { query: string; inputs: Promise<ReportInputs> } | undefined;

/** Starts fetching the inputs for `query` now; `reportInputs` picks them up. A malformed query is left for the report module to refuse. */
export function prefetchReportInputs(query: string): void {
  if (isStandby(query)) {
    // No report yet: the data pack every report needs, failures left for that report to see.
    loadDataPack().catch(() => {});
    return;
  }
  const params = parsePrintParams(query);
  if (!params.ok) return;
  const inputs = fetchReportInputs(params.value);
  // Awaited, and any failure reported, by the report module: not an unhandled rejection meanwhile.
  inputs.catch(() => {});
  early = { query, inputs };
}

/** The inputs for one report: the prefetched ones when they are for this query (taken once), else fetched now. */
export function reportInputs(query: string, params: PrintParams): Promise<ReportInputs> {
  const prefetched = early?.query === query ? early.inputs : undefined;
  early = undefined;
  return prefetched ?? fetchReportInputs(params);
}

/**
 * Fonts before drawing: chart.js draws its text once, in whatever font is loaded at that moment.
 * Cheap to call again: a face that is loading or loaded is not fetched twice.
 */
export async function loadFonts(): Promise<void> {
  try {
    await Promise.all(
      ['400', '500', '600', '700'].map((weight) => document.fonts.load(`${weight} 12px Inter`)),
    );
    performance.mark('print:fonts');
  } catch (error) {
    // A report in a fallback font is better than no report.
    console.warn('[print] the bundled font did not load:', error);
  }
}

/**
 * A new page's first number format takes 25–40 ms (ICU loads its data). Made while the report's
 * data is on its way rather than after it; the formats are cached, so later reports skip this.
 */
export function prepareMoneyFormats(): void {
  formatMoney(0);
  formatMoneyCompact(0);
}
