/**
 * What the Compare screen shows, worked out from the plans with the shared engine and nothing
 * else: every plan projected (`projectPlan`), each plan after the first compared with the first
 * (`comparePlans`, B − A), and the plain sentences (`comparisonSentences`). The screen only
 * formats these numbers, so every figure on it is the engine's. Pure, unit-tested under Node.
 */
import { comparePlans, projectPlan } from '../../../../shared/engine/index';
import { DEFAULT_DOLLARS } from '../../../../shared/engine/assumptions';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import type { Comparison, ComparisonYear, Projection, ProjectionYear } from '../../../../shared/engine/types';
import { comparisonSentences } from '../../../../shared/compare/sentences';
import type { Plan } from '../../../../shared/plan/schema';
import { andList } from '../../../../shared/text/lists';
import { formatMoney } from '../planner/format';
import { seriesStyle, type SeriesStyle } from './series-style';

/** "a, b and c": the list join the comparison's sentences use (kept under this name for its tests). */
export { andList as joinAnd };

export type Dollars = 'today' | 'nominal';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/**
 * The plan with its money shown in `dollars`; everything else as the plan says. A plan already
 * in those dollars is returned as it is, so its projection is exactly the planner's.
 */
export function withDollars(plan: Plan, dollars: Dollars): Plan {
  if ((plan.assumptions?.dollars ?? DEFAULT_DOLLARS) === dollars) return plan;
  return { ...plan, assumptions: { ...(plan.assumptions ?? {}), dollars } };
}

/** The dollars a set of plans is shown in by default: what the first plan uses. */
export function defaultDollars(plans: readonly Pick<Plan, 'assumptions'>[]): Dollars {
  return plans[0]?.assumptions?.dollars ?? DEFAULT_DOLLARS;
}

/** Plans whose own dollars setting differs from `dollars` (the screen says it overrides them). */
export function plansWithOtherDollars<T extends { plan: Pick<Plan, 'assumptions'> }>(
  entries: readonly T[],
  dollars: Dollars,
): T[] {
  return entries.filter((e) => (e.plan.assumptions?.dollars ?? DEFAULT_DOLLARS) !== dollars);
}

/**
 * What each series is called in sentences, legends and tables: the plan's name, or "Plan B" when
 * the name is empty or another compared plan has the same name.
 */
export function seriesLabels(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names)
    counts.set(name.trim().toLowerCase(), (counts.get(name.trim().toLowerCase()) ?? 0) + 1);
  return names.map((name, i) => {
    const key = name.trim().toLowerCase();
    return key === '' || (counts.get(key) ?? 0) > 1 ? `Plan ${seriesStyle(i).letter}` : name.trim();
  });
}

export interface ComparedPlan {
  id: number;
  /** Position: 0 is the plan the others are measured against. */
  position: number;
  label: string;
  style: SeriesStyle;
  plan: Plan;
  projection: Projection;
}

export interface PlanPair {
  /** The plan compared with the first one. */
  other: ComparedPlan;
  comparison: Comparison;
  /** `comparisonSentences` of this pair, with the screen's labels. */
  sentences: string[];
}

export interface Axis {
  /** Calendar years when every plan starts in the same year, else "Year 1", "Year 2"… */
  labels: string[];
  calendar: boolean;
}

export type CompareModel =
  | { status: 'too-few' }
  | { status: 'error'; message: string }
  | { status: 'currencies'; message: string; plans: ComparedPlan[] }
  | { status: 'ok'; plans: ComparedPlan[]; pairs: PlanPair[]; axis: Axis; notes: string[] };

export interface CompareEntry {
  id: number;
  plan: Plan;
}

/** The plans, in the order given (the first is the one the others are measured against). */
export function buildCompareModel(
  entries: readonly CompareEntry[],
  index: DataPackIndex,
  dollars: Dollars,
): CompareModel {
  if (entries.length < MIN_COMPARED) return { status: 'too-few' };
  const labels = seriesLabels(entries.map((e) => e.plan.name));
  const plans: ComparedPlan[] = [];
  for (const [position, entry] of entries.entries()) {
    let projection: Projection;
    try {
      projection = projectPlan(withDollars(entry.plan, dollars), index);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        status: 'error',
        message: `“${entry.plan.name}” can't be worked out with the current data (${reason}).`,
      };
    }
    plans.push({
      id: entry.id,
      position,
      label: labels[position]!,
      style: seriesStyle(position),
      plan: entry.plan,
      projection,
    });
  }

  const currencies = [...new Set(plans.map((p) => p.projection.currency))];
  if (currencies.length > 1) return { status: 'currencies', message: currencyMessage(plans), plans };

  const [first, ...others] = plans as [ComparedPlan, ...ComparedPlan[]];
  const pairs = others.map((other) => {
    const comparison = comparePlans(first.projection, other.projection);
    return {
      other,
      comparison,
      sentences: comparisonSentences(comparison, first.projection, other.projection, {
        labelA: quoted(first.label),
        labelB: quoted(other.label),
      }),
    };
  });
  const notes = [...new Set(pairs.flatMap((p) => p.comparison.notes))];
  return { status: 'ok', plans, pairs, axis: axisFor(plans.map((p) => p.projection)), notes };
}

/** A name in curly quotes ("“CMAA fast track”"); "Plan B" stays as it is. */
export function quoted(label: string): string {
  return /^Plan [A-Z]$/.test(label) ? label : `“${label}”`;
}

function currencyMessage(plans: readonly ComparedPlan[]): string {
  const byCurrency = new Map<string, string[]>();
  for (const p of plans) {
    const list = byCurrency.get(p.projection.currency) ?? [];
    list.push(quoted(p.label));
    byCurrency.set(p.projection.currency, list);
  }
  const parts = [...byCurrency].map(
    ([currency, names]) => `${andList(names)} ${names.length > 1 ? 'are' : 'is'} in ${currency}`,
  );
  return (
    `${andList(parts)}. Plans in different currencies can't be compared directly: ` +
    'their pay comes from different sources and the app has no exchange rates. Pick plans in one currency.'
  );
}

/** One label per year of the longest projection. */
export function axisFor(projections: readonly Projection[]): Axis {
  const length = Math.max(0, ...projections.map((p) => p.years.length));
  const starts = new Set(projections.map((p) => p.years[0]?.year));
  const longest = projections.find((p) => p.years.length === length);
  if (starts.size === 1 && longest) {
    return { labels: longest.years.map((y) => String(y.year)), calendar: true };
  }
  return { labels: Array.from({ length }, (_, i) => `Year ${i + 1}`), calendar: false };
}

export type Metric = 'net' | 'salary';

export interface CompareCell {
  /** The plan's own figure that year (null past the end of the plan). */
  value: number | null;
  /** The plan's range that year (salary only). */
  low: number | null;
  high: number | null;
  /** This plan minus the first (null for the first plan and past the shorter plan). */
  difference: number | null;
}

export interface CompareRow {
  /** 0 for the first year. */
  index: number;
  label: string;
  /** Calendar year of each plan that year (null past its end). */
  years: Array<number | null>;
  cells: CompareCell[];
  /** Year 5 and year 10: the rows the totals talk about. */
  milestone: boolean;
}

/** The year-by-year table: each plan's salary or money so far, and its difference from the first plan. */
export function compareRows(model: Extract<CompareModel, { status: 'ok' }>, metric: Metric): CompareRow[] {
  const rows: CompareRow[] = [];
  model.axis.labels.forEach((label, index) => {
    const cells = model.plans.map((p, position): CompareCell => {
      const y: ProjectionYear | undefined = p.projection.years[index];
      const compared = position === 0 ? undefined : model.pairs[position - 1]!.comparison.years[index];
      return {
        value: y ? (metric === 'net' ? y.cumulativeNet : y.salary) : null,
        low: y && metric === 'salary' ? y.salaryLow : null,
        high: y && metric === 'salary' ? y.salaryHigh : null,
        difference: compared
          ? metric === 'net'
            ? compared.cumulativeNetDifference
            : compared.salaryDifference
          : null,
      };
    });
    rows.push({
      index,
      label,
      years: model.plans.map((p) => p.projection.years[index]?.year ?? null),
      cells,
      milestone: index === 4 || index === 9,
    });
  });
  return rows;
}

/** "+$6,200", "−$1,250" (a real minus), "$0". */
export function formatSignedMoney(value: number | null | undefined, currency = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value);
  if (rounded > 0) return `+${formatMoney(rounded, currency)}`;
  if (rounded < 0) return `−${formatMoney(-rounded, currency)}`;
  return formatMoney(0, currency);
}

/** The figure after `n` years (cumulative net at the end of year n), or null if the plan is shorter. */
export function netAfter(projection: Projection, n: number): number | null {
  return projection.years[n - 1]?.cumulativeNet ?? null;
}

/**
 * The break-even year of a pair as the engine gives it, in words: "2029", "2026 (from the first
 * year)", "Not within the 10 years compared". With different start years the plan's year is added.
 */
export function breakEvenText(comparison: Comparison): string {
  const year = comparison.breakEvenYear;
  const n = comparison.years.length;
  if (year === null) return `Not within the ${n} ${n === 1 ? 'year' : 'years'} compared`;
  const row = comparison.years.find((y) => y.year === year);
  const startsDiffer = comparison.years.some((y) => y.year !== y.yearB);
  if (row?.index === 0) return `${year} (from the first year)`;
  return startsDiffer && row ? `${year} (year ${row.index + 1})` : String(year);
}

/**
 * The first year from which the other plan (B) stays level with or ahead of A to the end of the
 * years compared, read off the engine's cumulative-net differences; null when B is behind in the
 * last year compared.
 */
export function aheadFrom(comparison: Comparison): ComparisonYear | null {
  const years = comparison.years;
  let from = years.length;
  while (from > 0 && years[from - 1]!.cumulativeNetDifference >= 0) from--;
  return years[from] ?? null;
}

/** A's calendar year of a compared year, with "year k" when the plans start in different years. */
export function comparedYearText(comparison: Comparison, row: ComparisonYear): string {
  const startsDiffer = comparison.years.some((y) => y.year !== y.yearB);
  return startsDiffer ? `${row.year} (year ${row.index + 1})` : String(row.year);
}

/** Who is ahead after `n` years, in a few words: "B ahead by $6,200", "A ahead by $1,000", "Even". */
export function leadText(difference: number | null, currency: string, a: string, b: string): string {
  if (difference === null) return 'Not both this long';
  if (difference === 0) return 'Even';
  return difference > 0
    ? `${b} ahead by ${formatMoney(difference, currency)}`
    : `${a} ahead by ${formatMoney(-difference, currency)}`;
}

/** "today's dollars" / "future dollars". */
export function dollarsWords(dollars: Dollars): string {
  return dollars === 'nominal' ? 'future dollars' : "today's dollars";
}

/** The accessible name of a chart of several series: what it shows, and each series' first and last figure. */
export function seriesChartSummary(
  what: string,
  dollars: Dollars,
  axis: Axis,
  series: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>,
  currency: string,
): string {
  const span = axis.labels.length
    ? `${axis.labels[0]} to ${axis.labels[axis.labels.length - 1]}`
    : 'no years';
  const parts = series.map((s) => {
    const values = s.values.filter((v): v is number => v !== null);
    const first = values[0];
    const last = values[values.length - 1];
    return first === undefined || last === undefined
      ? `${s.label}: no figures`
      : `${s.label}: ${formatMoney(first, currency)} in the first year, ${formatMoney(last, currency)} in the last`;
  });
  return `Line chart of ${what} in ${dollarsWords(dollars)}, ${span}. ${parts.join('; ')}. The table below lists every year.`;
}
