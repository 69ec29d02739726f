/**
 * Plain sentences about a comparison of two plans, for a 17-year-old:
 *
 *   "After 5 years, Plan B is ahead by $6,200; it pays back its program cost in 2029."
 *   "After 10 years, Plan A is ahead by $12,400."
 *   "Plan A stays ahead for all 10 years."
 *
 * Definitions (the words mean exactly this):
 * - "ahead by" compares cumulative net: everything earned minus everything spent on programs and
 *   exams, added up from each plan's first year (ComparisonYear.cumulativeNet*). Amounts are whole
 *   units of the comparison's currency, in the dollars the projections use.
 * - "after N years" is the end of the Nth year compared (years are lined up from each plan's own
 *   start). Sentences are given after 5 and 10 years, and after the last year compared when that
 *   is neither (a comparison shorter than 5 years gets only that last one).
 * - "even": the two cumulative nets are equal (to the unit).
 * - "stays ahead for all N years": that plan's cumulative net is strictly higher in every year
 *   compared (only said when at least 2 years are compared).
 * - "pays back its program cost in YEAR": said of plan B when B has costs (programs or exams) in
 *   the years compared. YEAR is the break-even year of B against A, counted from when B falls
 *   behind: the first year, after the first year in which B's cumulative net is below A's, in
 *   which B's cumulative net (costs already taken off) is back to at least A's. This is
 *   `Comparison.breakEvenYear` whenever B is behind in the first year (costs paid up front);
 *   it differs when B is level with or ahead of A before its costs start (breakEvenYear would
 *   then be the first year, before anything was spent). If B is never behind, its costs are paid back
 *   the year they are paid: YEAR is the year of B's first cost. If B falls behind and never
 *   catches up: "does not pay back its program cost within the N years compared". B may fall
 *   behind again later (a second program); the "after N years" sentences show that.
 *   The mirror case (only A has costs) is said of A, with A's break-even against B; when both
 *   have costs, only B's is said (B against A).
 *   When the plans start in different calendar years, YEAR is the paying plan's own calendar
 *   year, followed by which year of the plan it is.
 *   The payback joins the first "after N years" sentence in which the paying plan is ahead
 *   ("…; it pays back…"), else it is a sentence of its own.
 *
 * Money: "$6,200" for U.S. dollars, "6,200 GBP" for other currencies (the engine's formatMoney).
 */
import { formatMoney } from '../engine/money';
import type { Comparison, Projection } from '../engine/types';

export interface SentenceOptions {
  /** How to call the plans; their names by default ("Plan A"/"Plan B" if the names are equal or empty). */
  labelA?: string;
  labelB?: string;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function years(n: number): string {
  return n === 1 ? '1 year' : `${n} years`;
}

/** Sum of a projection's yearly costs over the first `length` years. */
function costsWithin(projection: Projection, length: number): number {
  let total = 0;
  for (let i = 0; i < length && i < projection.years.length; i++) total += projection.years[i]!.costs;
  return total;
}

/**
 * Index of the year in which `side` has paid back its costs against the other plan (see the
 * module comment): the first year back at or above the other plan after first falling behind;
 * the year of its first cost if it is never behind; null if it never catches up.
 */
function paybackIndex(comparison: Comparison, payer: Projection, side: 'A' | 'B'): number | null {
  const lead = (i: number): number => {
    const row = comparison.years[i]!;
    return side === 'B' ? row.cumulativeNetB - row.cumulativeNetA : row.cumulativeNetA - row.cumulativeNetB;
  };
  const length = comparison.years.length;
  let behind = -1;
  for (let i = 0; i < length; i++) {
    if (lead(i) < 0) {
      behind = i;
      break;
    }
  }
  if (behind < 0) {
    const firstCost = payer.years.findIndex((y, i) => i < length && y.costs > 0);
    return firstCost < 0 ? null : firstCost;
  }
  for (let i = behind + 1; i < length; i++) if (lead(i) >= 0) return i;
  return null;
}

export function comparisonSentences(
  comparison: Comparison,
  a: Projection,
  b: Projection,
  options: SentenceOptions = {},
): string[] {
  const length = comparison.years.length;
  if (length === 0) return [];
  const sameNames = comparison.nameA.trim() === '' || comparison.nameA === comparison.nameB;
  const labelA = options.labelA ?? (sameNames ? 'Plan A' : comparison.nameA);
  const labelB = options.labelB ?? (sameNames ? 'Plan B' : comparison.nameB);
  const money = (value: number) => formatMoney(value, comparison.currency);
  const startsDiffer = comparison.years[0]!.year !== comparison.years[0]!.yearB;

  // Who pays back what (see the module comment for the definition).
  const costsA = costsWithin(a, length);
  const costsB = costsWithin(b, length);
  const payer: 'A' | 'B' | null = costsB > 0 ? 'B' : costsA > 0 ? 'A' : null;
  let payback: { clause: string; sentence: string } | null = null;
  if (payer) {
    const label = payer === 'B' ? labelB : labelA;
    const at = paybackIndex(comparison, payer === 'B' ? b : a, payer);
    if (at === null) {
      const text = `does not pay back its program cost within the ${years(length)} compared`;
      payback = { clause: text, sentence: `${label} ${text}.` };
    } else {
      const row = comparison.years[at]!;
      const calendar = payer === 'B' ? row.yearB : row.year;
      const when = startsDiffer ? `${calendar} (its ${ordinal(at + 1)} year)` : `${calendar}`;
      const text = `pays back its program cost in ${when}`;
      payback = { clause: text, sentence: `${label} ${text}.` };
    }
  }

  const checkpoints = [5, 10].filter((n) => n <= length);
  if (!checkpoints.includes(length)) checkpoints.push(length);

  const sentences: string[] = [];
  let paybackSaid = false;
  for (const n of checkpoints) {
    const difference = comparison.years[n - 1]!.cumulativeNetDifference;
    const leader = difference > 0 ? 'B' : difference < 0 ? 'A' : null;
    let sentence =
      leader === null
        ? `After ${years(n)}, ${labelA} and ${labelB} are even`
        : `After ${years(n)}, ${leader === 'B' ? labelB : labelA} is ahead by ${money(Math.abs(difference))}`;
    // "it" is only unambiguous when the plan that pays is the one just named.
    if (payback && !paybackSaid && leader === payer) {
      sentence += `; it ${payback.clause}`;
      paybackSaid = true;
    }
    sentences.push(`${sentence}.`);
  }
  if (payback && !paybackSaid) sentences.push(payback.sentence);

  if (length >= 2) {
    const rows = comparison.years;
    if (rows.every((y) => y.cumulativeNetDifference < 0))
      sentences.push(`${labelA} stays ahead for all ${length} years.`);
    else if (rows.every((y) => y.cumulativeNetDifference > 0))
      sentences.push(`${labelB} stays ahead for all ${length} years.`);
    else if (rows.every((y) => y.cumulativeNetDifference === 0))
      sentences.push(`${labelA} and ${labelB} are even in all ${length} years.`);
  }
  return sentences;
}
