/**
 * Checks a plan file in two passes: the schema (shapes, ranges, years) and then every id against
 * the data pack, because a plan naming a role the pack does not have cannot be projected. Every
 * problem names the JSON path of the offending value, e.g.
 * `$.plans[0].steps[2].certification: unknown certification "cmaaa" (did you mean "cmaa"?)`.
 */
import type { z } from 'zod';
import type { DataPack } from '../datapack/schema';
import type { Checked, Problem } from '../domain/problems';
import { jsonPath } from '../domain/problems';
import type { DataPackIndex } from '../engine/data-pack-index';
import { toIndex } from '../engine/data-pack-index';
import type { Plan, PlanFile } from './schema';
import { PlanFileSchema, PlanSchema } from './schema';

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

/** Zod's own wording ("Invalid input: expected number, received string") made plain; our schema's messages stay. */
function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.message.endsWith('received undefined')
        ? `is missing (must be ${expected})`
        : `must be ${expected}`;
    }
    case 'invalid_union':
      return issue.message.startsWith('Invalid discriminator')
        ? 'must be one of "role", "certification", "program", "setting", "place", "hours"'
        : issue.message;
    case 'invalid_value':
      return issue.message.startsWith('Invalid')
        ? `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`
        : issue.message;
    default:
      return issue.message;
  }
}

function problemsFromIssues(issues: readonly z.core.$ZodIssue[], pathPrefix: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const at = withPrefix(jsonPath(issue.path), pathPrefix);
    if (issue.code === 'unrecognized_keys') {
      // One line per unknown field, pointing at the field itself.
      for (const k of issue.keys)
        problems.push({
          path: `${at}.${k}`,
          message: 'is not a field this version of the plan format knows (check the spelling)',
        });
    } else {
      problems.push({ path: at, message: plainMessage(issue) });
    }
  }
  return problems;
}

function withPrefix(path: string, prefix: string): string {
  return prefix === '$' ? path : prefix + path.slice(1);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest known id, if it is close enough to be a typo. */
function suggestion(id: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(id.length / 4)) ? best : null;
}

function unknown(kind: string, id: string, known: Iterable<string>): string {
  const close = suggestion(id, known);
  return `unknown ${kind} "${id}"${close ? ` (did you mean "${close}"?)` : ''}`;
}

/** Ids of a schema-valid plan against the pack; `at` is the plan's JSON path. */
export function planReferenceProblems(plan: Plan, pack: DataPack | DataPackIndex, at = '$'): Problem[] {
  const index = toIndex(pack);
  const problems: Problem[] = [];
  const check = (map: ReadonlyMap<string, unknown>, kind: string, id: string, path: string): void => {
    if (!map.has(id)) problems.push({ path, message: unknown(kind, id, map.keys()) });
  };

  check(index.roles, 'role', plan.start.role, `${at}.start.role`);
  check(index.places, 'place', plan.start.place, `${at}.start.place`);
  check(index.settings, 'setting', plan.start.setting, `${at}.start.setting`);
  const startPlace = index.places.get(plan.start.place);

  plan.steps.forEach((step, i) => {
    const path = `${at}.steps[${i}]`;
    switch (step.type) {
      case 'role':
        return check(index.roles, 'role', step.role, `${path}.role`);
      case 'certification':
        return check(index.certifications, 'certification', step.certification, `${path}.certification`);
      case 'program':
        return check(index.programs, 'program', step.program, `${path}.program`);
      case 'setting':
        return check(index.settings, 'setting', step.setting, `${path}.setting`);
      case 'hours':
        return;
      case 'place': {
        const place = index.places.get(step.place);
        if (!place) return check(index.places, 'place', step.place, `${path}.place`);
        // Pay and costs are summed per year, which only means something in one currency.
        if (startPlace && place.currency !== startPlace.currency) {
          problems.push({
            path: `${path}.place`,
            message: `${place.name} uses ${place.currency} but this plan is in ${startPlace.currency} (it starts in ${startPlace.name}); a plan stays in one currency, so make a separate plan for ${place.name}`,
          });
        }
        return;
      }
    }
  });
  return problems;
}

/** One plan (e.g. from the app's editor or IPC): schema, then ids. */
export function checkPlan(input: unknown, pack: DataPack | DataPackIndex, pathPrefix = '$'): Checked<Plan> {
  const parsed = PlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues, pathPrefix) };
  const problems = planReferenceProblems(parsed.data, pack, pathPrefix);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** A whole `.pathway.json` document. */
export function checkPlanFile(input: unknown, pack: DataPack | DataPackIndex): Checked<PlanFile> {
  const parsed = PlanFileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues, '$') };
  const problems = parsed.data.plans.flatMap((plan, i) => planReferenceProblems(plan, pack, `$.plans[${i}]`));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}
