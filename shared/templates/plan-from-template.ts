/**
 * Turns a template from the data pack into a plan the student can edit. Pure: the start year and
 * place are passed in (shared/ has no clock), and the same arguments always give the same plan.
 *
 * - Hours per week are the pack's default (full time); setting and start role are the template's.
 * - The horizon is the pack's default (10 years), lengthened if needed so every step fits, and at
 *   most MAX_HORIZON_YEARS. An explicit `years` wins; steps that then fall past the last year are
 *   left out (a plan may not have steps outside its years).
 * - Each step lands in startYear + offsetYears and keeps the template's reason as its note.
 * - Ids are copied as they are: run `checkPlan` on the result before trusting it with another pack.
 */
import type { DataPack, Template, TemplateStep } from '../datapack/schema';
import type { DataPackIndex } from '../engine/data-pack-index';
import { toIndex } from '../engine/data-pack-index';
import type { Plan, Step } from '../plan/schema';
// From limits.ts, not schema.ts: the print page runs this (its rehearsal), and schema.ts would
// bring zod and every plan schema into the page's start (~95 KB of script, 12–30 ms cold).
import { MAX_HORIZON_YEARS } from '../plan/limits';

export interface PlanFromTemplateOptions {
  /** The plan's first calendar year. */
  startYear: number;
  /** Place id where the plan starts (e.g. "US", "US-OH", "CA"). */
  place: string;
  /** Plan name; the template's name if not given. */
  name?: string;
  /** Horizon in years; see the module comment for the default. */
  years?: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function planStep(step: TemplateStep, startYear: number): Step {
  const base = { year: startYear + step.offsetYears, note: step.why };
  switch (step.type) {
    case 'role':
      return { type: 'role', role: step.role, ...base };
    case 'certification':
      return { type: 'certification', certification: step.certification, ...base };
    case 'program':
      return { type: 'program', program: step.program, ...base };
    case 'setting':
      return { type: 'setting', setting: step.setting, ...base };
  }
}

/** The default horizon for a template: the pack's, or long enough for its last step. */
export function templateYears(template: Template, pack: DataPack | DataPackIndex): number {
  const { defaults } = toIndex(pack).pack;
  const lastOffset = template.steps.reduce((max, step) => Math.max(max, step.offsetYears), 0);
  return clamp(Math.max(Math.round(defaults.horizonYears.value), lastOffset + 1), 1, MAX_HORIZON_YEARS);
}

export function planFromTemplate(
  template: Template,
  pack: DataPack | DataPackIndex,
  options: PlanFromTemplateOptions,
): Plan {
  const { defaults } = toIndex(pack).pack;
  const years =
    options.years !== undefined
      ? clamp(Math.trunc(options.years), 1, MAX_HORIZON_YEARS)
      : templateYears(template, pack);
  const steps = template.steps
    .filter((step) => step.offsetYears < years)
    // Stable: steps of the same year keep the template's order (the engine orders them by type).
    .map((step, order) => ({ step, order }))
    .sort((a, b) => a.step.offsetYears - b.step.offsetYears || a.order - b.order)
    .map(({ step }) => planStep(step, options.startYear));
  return {
    name: options.name ?? template.name,
    startYear: options.startYear,
    years,
    start: {
      role: template.start.role,
      place: options.place,
      setting: template.start.setting,
      hoursPerWeek: clamp(defaults.hoursPerWeek.value, 1, 80),
    },
    steps,
  };
}
