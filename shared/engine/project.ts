/**
 * projectPlan: a plan and a data pack in, the year-by-year projection out. Pure and
 * deterministic; the UI calls it on every keystroke, so the loop allocates only what it returns.
 */
import type { DataPack } from '../datapack/schema';
import type { Plan } from '../plan/schema';
import { resolveAssumptions } from './assumptions';
import { Career } from './career';
import type { DataPackIndex } from './data-pack-index';
import { toIndex } from './data-pack-index';
import { orderedSteps } from './timeline';
import type { Projection, ProjectionWarning, ProjectionYear } from './types';

/** The plan names something the pack lacks where no projection is possible (run checkPlan first). */
export class PlanDataError extends Error {}

const NO_WARNINGS: ProjectionWarning[] = Object.freeze([]) as unknown as ProjectionWarning[];

export function projectPlan(plan: Plan, pack: DataPack | DataPackIndex): Projection {
  const index = toIndex(pack);
  const assumptions = resolveAssumptions(plan.assumptions, index.pack.defaults);
  const startRole = index.roles.get(plan.start.role);
  if (!startRole) throw new PlanDataError(`unknown role "${plan.start.role}"`);
  const startPlace = index.places.get(plan.start.place);
  if (!startPlace) throw new PlanDataError(`unknown place "${plan.start.place}"`);
  if (!index.settings.has(plan.start.setting))
    throw new PlanDataError(`unknown setting "${plan.start.setting}"`);

  const career = new Career(
    index,
    assumptions,
    startRole,
    startPlace,
    plan.start.setting,
    plan.start.hoursPerWeek,
    plan.startYear,
  );
  const steps = orderedSteps(plan);
  let nextStep = 0;
  const raiseStep = 1 + assumptions.realRaisePct / 100;
  const inflationStep = assumptions.dollars === 'nominal' ? 1 + assumptions.inflationPct / 100 : 1;
  const experienceAtStart = plan.start.yearsExperience ?? 0;

  const years: ProjectionYear[] = new Array<ProjectionYear>(plan.years);
  const allWarnings: ProjectionWarning[] = [];
  let inflation = 1;
  let raise = 1;
  let cumulativeEarnings = 0;
  let cumulativeCosts = 0;
  // Warnings raised while setting up the start belong to the first year.
  const startWarnings = career.yearWarnings;
  // What the career settles on changes only in a year with steps; the years between reuse it.
  let rateBeforeRaise = career.rateBeforeRaise();
  let factors = career.factors();
  let role = career.role.id;
  let place = career.place.id;
  let setting = career.settingId;
  let hoursPerWeek = career.hoursPerWeek;
  let certifications = career.certificationIds;
  let roleStartYear = career.roleStartYear;

  for (let i = 0; i < plan.years; i++) {
    const year = plan.startYear + i;
    if (i > 0) {
      // A year later: one more real raise within the role, one more year of inflation.
      raise *= raiseStep;
      inflation *= inflationStep;
    }
    let warnings = i === 0 ? (startWarnings ?? NO_WARNINGS) : NO_WARNINGS;
    let costsToday = 0;
    if (nextStep < steps.length && steps[nextStep]!.yearIndex === i) {
      career.beginYear(year, experienceAtStart + i, raise);
      if (i === 0) career.yearWarnings = startWarnings;
      do career.apply(steps[nextStep++]!);
      while (nextStep < steps.length && steps[nextStep]!.yearIndex === i);
      career.finishYear();
      raise = career.raise;
      rateBeforeRaise = career.rateBeforeRaise();
      factors = career.factors();
      role = career.role.id;
      place = career.place.id;
      setting = career.settingId;
      hoursPerWeek = career.hoursPerWeek;
      certifications = career.certificationIds;
      roleStartYear = career.roleStartYear;
      warnings = career.yearWarnings ?? NO_WARNINGS;
      costsToday = career.yearCosts;
    }

    const real = rateBeforeRaise * raise;
    // Rounded once per year; cumulative figures add the rounded values so tables add up.
    const salary = Math.round(real * inflation);
    const salaryLow = Math.round(real * factors.bandLow * inflation);
    const salaryHigh = Math.round(real * factors.bandHigh * inflation);
    const costs = Math.round(costsToday * inflation);
    cumulativeEarnings += salary;
    cumulativeCosts += costs;
    // A loop, not push(...warnings): spreading into a call costs more than the few it adds.
    for (let w = 0; w < warnings.length; w++) allWarnings.push(warnings[w]!);

    years[i] = {
      year,
      index: i,
      role,
      place,
      setting,
      hoursPerWeek,
      certifications,
      salary,
      salaryLow,
      salaryHigh,
      costs,
      cumulativeEarnings,
      cumulativeCosts,
      cumulativeNet: cumulativeEarnings - cumulativeCosts,
      factors,
      yearsInRole: year - roleStartYear,
      warnings,
    };
  }

  return {
    name: plan.name,
    currency: career.currency,
    dollars: assumptions.dollars,
    band: assumptions.band,
    assumptions: {
      inflationPct: assumptions.inflationPct,
      realRaisePct: assumptions.realRaisePct,
      overridden: assumptions.overridden,
    },
    years,
    totals: {
      earnings: cumulativeEarnings,
      costs: cumulativeCosts,
      net: cumulativeEarnings - cumulativeCosts,
    },
    warnings: allWarnings,
  };
}
