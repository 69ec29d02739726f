/**
 * The print page's address says what to print: `print.html?planId=3&paper=a4&date=2026-05-04`
 * with optional `student` and `compareWithId`. Main builds it (export/report-route.ts); this reads it
 * back, refusing anything malformed rather than printing a report of the wrong thing.
 */

export type Paper = 'letter' | 'a4';

export interface PrintParams {
  planId: number;
  compareWithId?: number;
  paper: Paper;
  studentName?: string;
  /** The day the report is made, YYYY-MM-DD. */
  date: string;
}

const positiveId = (text: string | null): number | undefined => {
  if (text === null || !/^[1-9]\d{0,14}$/.test(text)) return undefined;
  return Number(text);
};

export function parsePrintParams(search: string): { ok: true; value: PrintParams } | { ok: false; message: string } {
  const query = new URLSearchParams(search);
  const planId = positiveId(query.get('planId'));
  if (planId === undefined) return { ok: false, message: 'No plan was named to print (planId is missing or not a number).' };
  const paper = query.get('paper') ?? 'letter';
  if (paper !== 'letter' && paper !== 'a4') return { ok: false, message: `Paper "${paper}" is not letter or a4.` };
  const date = query.get('date') ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, message: 'The report date is missing (date=YYYY-MM-DD).' };
  const value: PrintParams = { planId, paper, date };
  const compare = query.get('compareWithId');
  if (compare !== null) {
    const compareWithId = positiveId(compare);
    if (compareWithId === undefined) return { ok: false, message: 'compareWithId is not a plan id.' };
    value.compareWithId = compareWithId;
  }
  const student = query.get('student')?.trim();
  if (student) value.studentName = student.slice(0, 120);
  return { ok: true, value };
}

/**
 * What to print: the address's query on first load; after that, its hash. A printer that keeps
 * the page open between reports (a class's worth of PDFs) asks for the next one by clearing
 * `data-ready` and setting `location.hash` to the next query (or, when the query is the same,
 * sending `hashchange` itself), which skips reloading the page. See electron/main/export/print-page.ts.
 */
export function requestedQuery(location: { hash: string; search: string }): string {
  return location.hash.length > 1 ? location.hash.slice(1) : location.search;
}

/**
 * A page loaded with no report asked for (`print.html` alone) stands by: main keeps one loaded,
 * so the first report is drawn in a page that has its code, fonts and data pack in already.
 */
export function isStandby(query: string): boolean {
  return query === '' || query === '?';
}

/** The CSS page box for the paper, set on the page itself so the PDF and the preview agree. */
export function pageRule(paper: Paper): string {
  return `@page { size: ${paper === 'a4' ? 'A4' : 'letter'}; }`;
}
