/**
 * The two pay factors that change every year, worked out from the year rather than stored on it:
 *   raise     = (1 + realRaisePct/100)^yearsInRole
 *   inflation = (1 + inflationPct/100)^index   when the plan is in nominal dollars, else 1
 * The engine multiplies year by year; these powers equal those products to within float rounding.
 */
import { nominalMultiplier } from './money';
import type { Projection, ProjectionYear } from './types';

export interface YearGrowth {
  raise: number;
  inflation: number;
}

export function yearGrowth(projection: Projection, year: ProjectionYear): YearGrowth {
  return {
    raise: Math.pow(1 + projection.assumptions.realRaisePct / 100, year.yearsInRole),
    inflation:
      projection.dollars === 'nominal' ? nominalMultiplier(projection.assumptions.inflationPct, year.index) : 1,
  };
}
