/** `compare <file>`: the first plan against each other plan, year by year, with break-even and totals. */
import { comparePlans } from '../../shared/engine/compare';
import type { DataPackIndex } from '../../shared/engine/data-pack-index';
import { formatWhole } from '../../shared/engine/money';
import type { Comparison, Projection } from '../../shared/engine/types';
import type { PlanFile } from '../../shared/plan/schema';
import type { Format } from './args';
import { describeDollars, projectionsOf } from './command-project';
import { UsageError } from './io';
import { renderTable } from './text-table';

function signed(value: number): string {
  return value > 0 ? `+${formatWhole(value)}` : formatWhole(value);
}

export function comparisonsOf(projections: readonly Projection[]): Comparison[] {
  if (projections.length < 2)
    throw new UsageError(`$.plans: compare needs at least two plans (this file has ${projections.length})`);
  const [first, ...others] = projections as [Projection, ...Projection[]];
  return others.map((other, i) => {
    if (other.currency !== first.currency) {
      throw new UsageError(
        `$.plans[${i + 1}]: "${other.name}" is in ${other.currency} but "${first.name}" is in ${first.currency}; plans in different currencies cannot be compared`,
      );
    }
    return comparePlans(first, other);
  });
}

function afterText(label: string, difference: number | null, comparison: Comparison): string {
  if (difference === null) return `${label}: not available (a plan is shorter than that)`;
  if (difference === 0) return `${label}: the two plans are even`;
  const who = difference > 0 ? comparison.nameB : comparison.nameA;
  return `${label}: "${who}" is ahead by ${formatWhole(Math.abs(difference))} ${comparison.currency} (B − A = ${signed(difference)})`;
}

function comparisonTable(comparison: Comparison, a: Projection): string {
  const table = renderTable(
    [
      { header: 'Year' },
      { header: 'Salary A', align: 'right' },
      { header: 'Salary B', align: 'right' },
      { header: 'B − A', align: 'right' },
      { header: 'Cumulative net A', align: 'right' },
      { header: 'Cumulative net B', align: 'right' },
      { header: 'B − A', align: 'right' },
    ],
    comparison.years.map((y) => [
      String(y.year),
      formatWhole(y.salaryA),
      formatWhole(y.salaryB),
      signed(y.salaryDifference),
      formatWhole(y.cumulativeNetA),
      formatWhole(y.cumulativeNetB),
      signed(y.cumulativeNetDifference),
    ]),
  );
  const breakEven =
    comparison.breakEvenYear === null
      ? `Break-even: "${comparison.nameB}" does not catch up within the ${comparison.years.length} years compared`
      : `Break-even: ${comparison.breakEvenYear} (year ${comparison.breakEvenYear - (comparison.years[0]?.year ?? 0) + 1}), the first year "${comparison.nameB}" has at least as much cumulative net as "${comparison.nameA}"`;
  return [
    `A = "${comparison.nameA}", B = "${comparison.nameB}" (${describeDollars(a)})`,
    '',
    table,
    '',
    breakEven,
    afterText('After 5 years', comparison.after5, comparison),
    afterText('After 10 years', comparison.after10, comparison),
    ...comparison.notes.map((note) => `Note: ${note}`),
  ].join('\n');
}

export function runCompare(file: PlanFile, index: DataPackIndex, format: Format): string {
  const projections = projectionsOf(file, index);
  const comparisons = comparisonsOf(projections);
  if (format === 'json') return JSON.stringify({ comparisons }, null, 2);
  return comparisons.map((c) => comparisonTable(c, projections[0]!)).join('\n\n');
}
