/**
 * What the projection engine produces. Money is in whole units of the plan's currency
 * (USD for U.S. places), already in the dollars the plan asks for (today's or nominal).
 * Each year's figures are rounded once, and cumulative figures are sums of the rounded
 * yearly figures, so every table adds up exactly.
 */

export type WarningCode =
  | 'early-promotion' // a role step before the role's usual years of experience
  | 'missing-prerequisite' // a certification or role without what it requires
  | 'no-place-data' // no wage data for the role's SOC in that place: factor 1
  | 'no-setting-data' // no median for the role's SOC in that setting: factor 1
  | 'no-pay-data' // the role has no pay figure at all
  | 'city-uses-state-data' // cities have no OEWS data here; the state's factor is used
  | 'currency-change' // a place step into another currency (not allowed; step ignored)
  | 'promotion-kept-pay' // the new role's rate was lower; pay was kept (never cut)
  | 'no-band-data' // no national percentiles for the role (no SOC): the band is the salary itself
  | 'certification-not-for-role' // the certification is for another track: no pay effect in this role
  | 'cost-not-converted' // a published U.S.-dollar cost in a plan of another currency: left out
  | 'unknown-id'; // a step names something the data pack does not have: step skipped

export interface ProjectionWarning {
  code: WarningCode;
  message: string;
  /** Index into plan.steps of the step the warning is about, if any. */
  stepIndex?: number;
  year: number;
}

/**
 * How the year's pay rate was built, so the UI can explain and cite every factor. These change
 * only when a step changes something, so consecutive years share one object (read-only); the two
 * factors that move every year, raise and inflation, follow from the year (see yearGrowth).
 */
export interface PayFactors {
  /** Full-time annual rate of the role in base-year dollars before factors. */
  baseRate: number;
  baseSourceId: string | null;
  place: number;
  placeSourceId: string | null;
  setting: number;
  settingSourceId: string | null;
  certification: number;
  hours: number;
  /**
   * ≥ 1 only after a role step whose own rate was below the pay already earned: the multiplier
   * that keeps pay at the earlier rate (the "never cut" rule); 1 otherwise.
   */
  keptPay: number;
  /** salaryLow ÷ salary and salaryHigh ÷ salary before rounding (P25/median, P75/median, …). */
  bandLow: number;
  bandHigh: number;
  bandSourceId: string | null;
}

export interface ProjectionYear {
  year: number;
  /** 0 for the start year. */
  index: number;
  role: string;
  place: string;
  setting: string;
  hoursPerWeek: number;
  /** Shared by the years between certification steps, and across projections when empty: never mutate. */
  certifications: readonly string[];
  salary: number;
  salaryLow: number;
  salaryHigh: number;
  /** Program and certification costs falling in this year. */
  costs: number;
  cumulativeEarnings: number;
  cumulativeCosts: number;
  /** cumulativeEarnings − cumulativeCosts. */
  cumulativeNet: number;
  /** salary = round(rate from factors × raise × inflation); shared between years (read-only). */
  factors: Readonly<PayFactors>;
  /**
   * Years in the current role before this one (0 in the year the role starts). The raise and
   * inflation multipliers follow from it and `index` (see yearGrowth); they are not stored,
   * because two fractional numbers per year cost more to build than the rest of the year.
   */
  yearsInRole: number;
  warnings: ProjectionWarning[];
}

export interface Projection {
  name: string;
  currency: string;
  dollars: 'today' | 'nominal';
  band: 'p25-p75' | 'p10-p90';
  /** The assumptions actually used, and which of them the plan overrides. */
  assumptions: {
    inflationPct: number;
    realRaisePct: number;
    /** Shared between projections (read-only). */
    overridden: ReadonlyArray<'inflationPct' | 'realRaisePct' | 'band' | 'dollars'>;
  };
  years: ProjectionYear[];
  totals: { earnings: number; costs: number; net: number };
  warnings: ProjectionWarning[];
}

export interface ComparisonYear {
  /** Calendar year of plan A (plans are lined up by years since their own start). */
  year: number;
  /** Calendar year of plan B; differs from `year` only when the plans start in different years. */
  yearB: number;
  /** Years since the start: 0 for the first year. */
  index: number;
  salaryA: number;
  salaryB: number;
  /** B − A. */
  salaryDifference: number;
  cumulativeNetA: number;
  cumulativeNetB: number;
  cumulativeNetDifference: number;
}

export interface Comparison {
  nameA: string;
  nameB: string;
  currency: string;
  years: ComparisonYear[];
  /** First year in which B's cumulative net ≥ A's (within the shorter horizon), or null. */
  breakEvenYear: number | null;
  /** Cumulative net difference (B − A) after 5 and 10 years; null if a plan is shorter. */
  after5: number | null;
  after10: number | null;
  /** Plain sentences about anything that makes the comparison less like-for-like. */
  notes: string[];
}
