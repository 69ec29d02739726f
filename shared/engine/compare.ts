/**
 * Two projections side by side: B against A, year by year from each plan's own start, over the
 * shorter of the two horizons. Only plans in the same currency can be compared.
 */
import type { Comparison, ComparisonYear, Projection } from './types';

export class ComparisonError extends Error {}

export function comparePlans(a: Projection, b: Projection): Comparison {
  if (a.currency !== b.currency) {
    throw new ComparisonError(
      `"${a.name}" is in ${a.currency} and "${b.name}" is in ${b.currency}; plans in different currencies cannot be compared`,
    );
  }
  const length = Math.min(a.years.length, b.years.length);
  const years: ComparisonYear[] = [];
  let breakEvenYear: number | null = null;
  for (let i = 0; i < length; i++) {
    const ya = a.years[i]!;
    const yb = b.years[i]!;
    years.push({
      year: ya.year,
      yearB: yb.year,
      index: i,
      salaryA: ya.salary,
      salaryB: yb.salary,
      salaryDifference: yb.salary - ya.salary,
      cumulativeNetA: ya.cumulativeNet,
      cumulativeNetB: yb.cumulativeNet,
      cumulativeNetDifference: yb.cumulativeNet - ya.cumulativeNet,
    });
    if (breakEvenYear === null && yb.cumulativeNet >= ya.cumulativeNet) breakEvenYear = ya.year;
  }

  const notes: string[] = [];
  if (a.years[0] && b.years[0] && a.years[0].year !== b.years[0].year) {
    notes.push(
      `The plans start in different years (${a.years[0].year} and ${b.years[0].year}); they are compared year 1 with year 1.`,
    );
  }
  if (a.dollars !== b.dollars) {
    notes.push(
      `"${a.name}" shows ${a.dollars === 'today' ? "today's" : 'future'} dollars and "${b.name}" ${b.dollars === 'today' ? "today's" : 'future'} dollars, so the amounts are not like for like.`,
    );
  }
  if (a.years.length !== b.years.length) {
    notes.push(`The plans have different lengths; only the first ${length} years are compared.`);
  }

  const differenceAt = (i: number): number | null => (i < length ? years[i]!.cumulativeNetDifference : null);
  return {
    nameA: a.name,
    nameB: b.name,
    currency: a.currency,
    years,
    breakEvenYear,
    after5: differenceAt(4),
    after10: differenceAt(9),
    notes,
  };
}
