/**
 * The projection engine: pure functions from a plan and a data pack to year-by-year pay.
 * Build the index once per pack (`indexDataPack`) and pass it to `projectPlan` on every change;
 * passing the pack itself also works (its index is cached per pack object).
 */
export { indexDataPack, toIndex, isDataPackIndex, NATION_PLACE_ID } from './data-pack-index';
export type { DataPackIndex, WageRatio, BandRatios } from './data-pack-index';
export { projectPlan, PlanDataError } from './project';
export { yearGrowth } from './growth';
export type { YearGrowth } from './growth';
export { comparePlans, ComparisonError } from './compare';
export { resolveAssumptions, DEFAULT_BAND, DEFAULT_DOLLARS } from './assumptions';
export type { ResolvedAssumptions } from './assumptions';
export { STEP_ORDER, orderedSteps } from './timeline';
export { FULL_TIME_HOURS, payBasis, certificationFactor, isCountry } from './factors';
export { stepCost } from './costs';
export { formatMoney, formatWhole, midpoint, nominalMultiplier, toDollars } from './money';
export type * from './types';
