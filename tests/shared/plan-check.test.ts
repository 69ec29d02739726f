/** Plan files: the schema, then every id against the pack; each problem names its JSON path. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblems } from '../../shared/domain/problems';
import { indexDataPack, projectPlan } from '../../shared/engine';
import { checkPlan, checkPlanFile } from '../../shared/plan/check-plan';
import type { Plan } from '../../shared/plan/schema';
import { fixturePack, realPack } from './fixtures/packs';

const index = indexDataPack(fixturePack);

const goodPlan = (): Plan => ({
  name: 'Good',
  startYear: 2026,
  years: 5,
  start: { role: 'medical-assistant', place: 'US-TX', setting: 'all', hoursPerWeek: 40 },
  steps: [
    { type: 'program', program: 'ma-certificate', year: 2026 },
    { type: 'certification', certification: 'cma', year: 2027 },
    { type: 'role', role: 'senior-medical-assistant', year: 2028 },
  ],
});

const file = (...plans: unknown[]) => ({ format: 'pathway-planner/plan', version: 1, plans });

function problemsOf(input: unknown): string[] {
  const checked = checkPlanFile(input, index);
  return checked.ok ? [] : describeProblems(checked.problems).split('\n');
}

describe('checkPlanFile', () => {
  it('accepts a valid file', () => {
    expect(checkPlanFile(file(goodPlan()), index)).toEqual({ ok: true, value: file(goodPlan()) });
  });

  it('names the path of each unknown id, and suggests a near miss', () => {
    const plan = goodPlan();
    plan.steps[1] = { type: 'certification', certification: 'cmaaa', year: 2027 };
    plan.start.role = 'medical-asistant';
    plan.steps.push(
      { type: 'program', program: 'rocket-science', year: 2029 },
      { type: 'setting', setting: '999999', year: 2029 },
      { type: 'place', place: 'US-ZZ', year: 2029 },
    );
    expect(problemsOf(file(goodPlan(), plan))).toEqual([
      '$.plans[1].start.role: unknown role "medical-asistant" (did you mean "medical-assistant"?)',
      '$.plans[1].steps[1].certification: unknown certification "cmaaa" (did you mean "cmaa"?)',
      '$.plans[1].steps[3].program: unknown program "rocket-science"',
      '$.plans[1].steps[4].setting: unknown setting "999999"',
      '$.plans[1].steps[5].place: unknown place "US-ZZ" (did you mean "US-AL"?)',
    ]);
  });

  it('refuses a place step into another currency', () => {
    const plan = goodPlan();
    plan.steps.push({ type: 'place', place: 'GB', year: 2029 });
    expect(problemsOf(file(plan))).toEqual([
      '$.plans[0].steps[3].place: United Kingdom uses GBP but this plan is in USD (it starts in Texas); a plan stays in one currency, so make a separate plan for United Kingdom',
    ]);
    const euro = {
      ...goodPlan(),
      start: { ...goodPlan().start, place: 'DE' },
      steps: [{ type: 'place', place: 'ES', year: 2027 }],
    };
    expect(problemsOf(file(euro))).toEqual([]);
  });

  it('reports schema problems with their paths, in plain words', () => {
    const plan = {
      ...goodPlan(),
      startYear: 2026.5,
      years: '10',
      extra: true,
      start: { role: 'medical-assistant', place: 'US', setting: 'all' },
    };
    expect(problemsOf(file(plan))).toEqual([
      '$.plans[0].startYear: must be a whole year',
      '$.plans[0].years: must be a number',
      '$.plans[0].start.hoursPerWeek: is missing (must be a number)',
      '$.plans[0].extra: is not a field this version of the plan format knows (check the spelling)',
    ]);
  });

  it('reports a step outside the plan years and a bad step type', () => {
    const late = { ...goodPlan(), steps: [{ type: 'role', role: 'senior-medical-assistant', year: 2040 }] };
    expect(problemsOf(file(late))).toEqual([
      "$.plans[0].steps[0].year: must be within the plan's years 2026–2030",
    ]);
    const badType = { ...goodPlan(), steps: [{ type: 'promotion', year: 2027 }] };
    expect(problemsOf(file(badType))).toEqual([
      '$.plans[0].steps[0].type: must be one of "role", "certification", "program", "setting", "place", "hours"',
    ]);
  });

  it('rejects what is not a plan file at all', () => {
    expect(problemsOf([1, 2])).toEqual(['$: must be an object']);
    expect(problemsOf({ format: 'something-else', version: 1, plans: [] })).toEqual([
      '$.format: must be "pathway-planner/plan"',
      '$.plans: must contain at least one plan',
    ]);
    expect(problemsOf(file())).toEqual(['$.plans: must contain at least one plan']);
  });
});

describe('checkPlan', () => {
  it('checks one plan under a path prefix', () => {
    const plan = { ...goodPlan(), steps: [{ type: 'role', role: 'ceo', year: 2027 }] };
    const checked = checkPlan(plan, index, '$.plan');
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: '$.plan.steps[0].role', message: 'unknown role "ceo"' }],
    });
    expect(checkPlan({ ...goodPlan(), years: 0, steps: [] }, index, '$.plan')).toEqual({
      ok: false,
      problems: [{ path: '$.plan.years', message: 'must be at least 1' }],
    });
  });
});

describe.runIf(realPack)('the example plan files', () => {
  const dir = join(__dirname, '..', '..', 'data', 'examples');
  const examples = readdirSync(dir).filter((name) => name.endsWith('.pathway.json'));

  it('there are examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('%s is valid against data/pack.json and projects without unknown ids', (name) => {
    const checked = checkPlanFile(JSON.parse(readFileSync(join(dir, name), 'utf8')), realPack!);
    if (!checked.ok) throw new Error(describeProblems(checked.problems));
    for (const plan of checked.value.plans) {
      const projection = projectPlan(plan, realPack!);
      expect(
        projection.warnings.filter((w) => w.code === 'unknown-id' || w.code === 'missing-prerequisite'),
      ).toEqual([]);
    }
  });
});
