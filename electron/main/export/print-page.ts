/**
 * How a PDF printer drives the print page (renderer/src/features/print/print-main.tsx): the
 * scripts the app's printer (files/electron-platform.ts) and the tests' (tests/e2e/pdf-platform.ts)
 * run in it. They are strings, evaluated as written: no bundler helpers to go missing, and
 * nothing for the page's CSP (no 'unsafe-eval') to refuse, as the printer's own call.
 *
 * The page says it has settled by setting `data-ready` on its body ('true', or 'error' with
 * `data-error`). The printer waits for that with a MutationObserver in a promise, rather than
 * asking every few milliseconds, so a report goes to print the moment it is drawn.
 */

/**
 * The print route with no report asked for: the page loads everything a report needs, draws one
 * sample report unseen (renderer/src/features/print/print-main.tsx), and waits for a report by its
 * hash (nextReportScript). Printers keep one such page open so the first report prints like the next.
 */
export const PRINT_STANDBY_ROUTE = 'print.html';

/** A promise of `{ ready, error }` that settles as soon as the page sets `data-ready` (at once if it has). */
export const UNTIL_READY = `new Promise((resolve) => {
  const body = document.body;
  const settled = () => {
    if (!body.dataset.ready) return false;
    observer.disconnect();
    resolve({ ready: body.dataset.ready, error: body.dataset.error });
    return true;
  };
  const observer = new MutationObserver(settled);
  if (!settled()) observer.observe(body, { attributes: true, attributeFilter: ['data-ready'] });
})`;

/**
 * Asks a print page kept open for its next report (`print.html?…` → the same query in its hash),
 * and waits until it is ready. Setting the hash it already has fires no `hashchange` (the same
 * report again, say after the plan was edited), so the event is then sent by hand. A page that
 * already failed (its report module did not load while it stood by) is not asked: nothing in it
 * would answer, so its own error is returned at once rather than waiting out the timeout.
 */
export function nextReportScript(route: string): string {
  const query = route.includes('?') ? route.slice(route.indexOf('?') + 1) : '';
  return `(() => {
  if (document.body.dataset.ready === 'error') return { ready: 'error', error: document.body.dataset.error };
  document.body.removeAttribute('data-ready');
  document.body.removeAttribute('data-error');
  const hash = new URL(${JSON.stringify(`#${query}`)}, location.href).hash;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
  return ${UNTIL_READY};
})()`;
}

/** `work`, or a rejection with `message` if it has not settled within `timeoutMs`; no timer left behind. */
export async function withinTime<T>(work: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one of the scripts above with `evaluate` and returns once the page is ready to print;
 * throws if it failed, or if it has not settled within `timeoutMs` (a broken page must not hang
 * an export).
 */
export async function untilReportReady(
  evaluate: (script: string) => Promise<unknown>,
  script: string,
  timeoutMs: number,
): Promise<void> {
  const state = (await withinTime(evaluate(script), timeoutMs, 'The report page did not get ready in time')) as {
    ready?: unknown;
    error?: unknown;
  } | null;
  if (state?.ready !== 'true') {
    throw new Error(`The report page failed: ${typeof state?.error === 'string' ? state.error : 'unknown error'}`);
  }
}
