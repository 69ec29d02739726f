/**
 * Field-level checks for the plan being edited, in plain words next to the field. The plan
 * schema is the one the main process enforces, so whatever passes here also passes there; the
 * messages are reworded for someone filling in a form, keyed by a dotted path
 * (`name`, `start.hoursPerWeek`, `steps.2.year`).
 */
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { planReferenceProblems } from '../../../../shared/plan/check-plan';
import { PlanNameSchema, PlanSchema, type Plan } from '../../../../shared/plan/schema';
import { nameProblem } from '../../components/name-problem';
import { PLAN_NAME_WORDS } from '../plans-list/names';

export type FieldErrors = Record<string, string>;

const labels: Record<string, string> = {
  name: 'The plan name',
  startYear: 'The start year',
  years: 'The number of years',
  'start.hoursPerWeek': 'Hours per week',
  'start.role': 'The starting role',
  'start.place': 'The place',
  'start.setting': 'The work setting',
  'start.yearsExperience': 'Years of experience',
  'assumptions.inflationPct': 'Inflation',
  'assumptions.realRaisePct': 'The yearly raise',
  year: 'The year',
  cost: 'The cost',
  hoursPerWeek: 'Hours per week',
  payChangePct: 'The pay change',
};

function labelFor(path: string): string {
  if (labels[path]) return labels[path];
  const last = path.split('.').pop() ?? path;
  return labels[last] ?? 'This field';
}

function sentence(path: string, code: string, message: string, received: unknown): string {
  // zod reports a fraction where a whole number is needed as invalid_type too; its message
  // ("must be a whole year") says that better than "needs a number".
  const fraction = typeof received === 'number' && Number.isFinite(received);
  if (code === 'invalid_type' && !fraction) return `${labelFor(path)} needs a number.`;
  const text = message.replace(/\.$/, '');
  return `${labelFor(path)} ${text}.`;
}

/** `$.steps[2].place` → `steps.2.place`. */
export function dottedPath(jsonPath: string): string {
  return jsonPath
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/**
 * Checks a draft plan; an empty object means it can be saved and projected. With the pack's
 * index it also checks every id (a place in another currency, say), as the main process does.
 */
export function checkDraft(plan: Plan, index?: DataPackIndex): FieldErrors {
  const result = PlanSchema.safeParse(plan);
  if (result.success) {
    if (!index) return {};
    const errors: FieldErrors = {};
    for (const problem of planReferenceProblems(result.data, index)) {
      const path = dottedPath(problem.path);
      errors[path] ??= `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`;
    }
    return errors;
  }
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    const received = issue.path.reduce<unknown>(
      (value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
      plan,
    );
    errors[path] = sentence(path, issue.code, issue.message, received);
  }
  // A step year outside the plan: say which years are allowed rather than the schema's outer limits.
  if (Number.isInteger(plan.startYear) && Number.isInteger(plan.years) && plan.years >= 1) {
    const last = plan.startYear + plan.years - 1;
    plan.steps.forEach((step, index) => {
      const path = `steps.${index}.year`;
      if (Number.isFinite(step.year) && (step.year < plan.startYear || step.year > last)) {
        errors[path] = `Pick a year from ${plan.startYear} to ${last} (the years your plan covers).`;
      }
    });
  }
  // The name's problem in the words every name field uses (its length, one line).
  const nameError = nameProblem(PlanNameSchema, plan.name, PLAN_NAME_WORDS);
  if (nameError) errors.name = nameError;
  return errors;
}

/** The errors under one step, keyed by the step's field name (`year`, `cost`, …). */
export function stepErrors(errors: FieldErrors, index: number): Record<string, string> {
  const prefix = `steps.${index}.`;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = message;
  }
  return out;
}

/** One line for the save status: how many fields need fixing. */
export function errorSummary(errors: FieldErrors): string | null {
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return count === 1 ? 'Fix the highlighted field to save.' : `Fix the ${count} highlighted fields to save.`;
}

/** The same, for the results panel while the numbers wait for a fix. */
export function staleSummary(errors: FieldErrors): string {
  const count = Object.keys(errors).length;
  return count === 1
    ? 'Fix the highlighted field to update these numbers.'
    : `Fix the ${count} highlighted fields to update these numbers.`;
}
