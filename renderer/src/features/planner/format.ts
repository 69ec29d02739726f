/**
 * Number and money formatting for the planner. Pure (no DOM, no React) so it is unit-tested
 * under Node. Money is whole units of the plan's currency, shown without cents.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: compact ? 1 : 0,
      minimumFractionDigits: 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** `$42,000`; a dash for a missing or non-finite figure (never "NaN"). */
export function formatMoney(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return moneyFormat(currency, false).format(Math.round(value));
}

/** `$42K` for chart axes where space is short. */
export function formatMoneyCompact(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return moneyFormat(currency, true).format(value);
}

/** `$5,000–$15,000`, or one figure when both ends are equal. */
export function formatMoneyRange(min: number, max: number, currency = 'USD'): string {
  if (min === max) return formatMoney(min, currency);
  return `${formatMoney(min, currency)}–${formatMoney(max, currency)}`;
}

/** `+5%`, `−3%`, `0%`; up to one decimal. */
export function formatPercent(value: number, signed = false): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  const text = `${Math.abs(rounded).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
  if (rounded < 0) return `−${text}`;
  if (signed && rounded > 0) return `+${text}`;
  return text;
}

/** `3 months`, `6–12 months`. */
export function formatMonths(min: number, max: number): string {
  const unit = (n: number) => (n === 1 ? 'month' : 'months');
  return min === max ? `${min} ${unit(min)}` : `${min}–${max} ${unit(max)}`;
}

/**
 * Parses what someone typed into a number field: tolerates `$`, commas, spaces and `%`.
 * Returns null for an empty field and NaN for something that is not a number.
 */
export function parseNumberInput(text: string): number | null {
  const cleaned = text.replace(/[$,%\s]/g, '').replace(/^−/, '-');
  if (cleaned === '') return null;
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/** How a number is shown back in an input (no grouping, so editing it is easy). */
export function numberInputText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}

/** `2026–2035` for a plan starting in 2026 over 10 years. */
export function yearSpan(startYear: number, years: number): string {
  return `${startYear}–${startYear + years - 1}`;
}
