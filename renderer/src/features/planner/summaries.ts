/**
 * Sentences that summarise a projection: the charts' accessible names and the totals cards.
 * Pure, so they are unit-tested under Node.
 */
import type { Projection, ProjectionYear } from '../../../../shared/engine/types';
import { formatMoney } from './format';

export function bandLabel(band: Projection['band']): { low: string; high: string; range: string } {
  return band === 'p10-p90'
    ? { low: 'Low (10th percentile)', high: 'High (90th percentile)', range: '10th–90th percentile' }
    : { low: 'Low (25th percentile)', high: 'High (75th percentile)', range: '25th–75th percentile' };
}

export function dollarsLabel(dollars: Projection['dollars']): string {
  return dollars === 'nominal' ? 'future dollars' : "today's dollars";
}

export function salaryChartSummary(projection: Projection): string {
  const first = projection.years[0];
  const last = projection.years[projection.years.length - 1];
  if (!first || !last) return 'Salary chart: no years to show.';
  const c = projection.currency;
  const trend =
    last.salary > first.salary ? 'rising to' : last.salary < first.salary ? 'falling to' : 'staying at';
  return (
    `Line chart of yearly salary in ${dollarsLabel(projection.dollars)}, ${first.year} to ${last.year}: ` +
    `${formatMoney(first.salary, c)} in ${first.year}, ${trend} ${formatMoney(last.salary, c)} in ${last.year}. ` +
    `Shaded range in ${last.year}: ${formatMoney(last.salaryLow, c)} to ${formatMoney(last.salaryHigh, c)}. ` +
    'The table below lists every year.'
  );
}

export function cumulativeChartSummary(projection: Projection): string {
  const last = projection.years[projection.years.length - 1];
  if (!last) return 'Earnings chart: no years to show.';
  const c = projection.currency;
  return (
    `Line chart of money earned so far after training costs, ${projection.years[0]!.year} to ${last.year}, ` +
    `reaching ${formatMoney(last.cumulativeNet, c)} by ${last.year} after ${formatMoney(last.cumulativeCosts, c)} in costs. ` +
    'The table below lists every year.'
  );
}

export interface Milestone {
  label: string;
  year: ProjectionYear | null;
}

/** The year that ends the first `n` years of the plan, or null if the plan is shorter. */
export function afterYears(projection: Projection, n: number): ProjectionYear | null {
  return projection.years[n - 1] ?? null;
}
