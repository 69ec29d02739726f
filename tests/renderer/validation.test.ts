import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { indexDataPack } from '../../shared/engine/index';
import { newPlan } from '../../shared/plan/new-plan';
import type { Plan } from '../../shared/plan/schema';
import {
  checkDraft,
  dottedPath,
  errorSummary,
  stepErrors,
} from '../../renderer/src/features/planner/validation';

const pack = loadDataPack();
const index = indexDataPack(pack);
const base: Plan = newPlan(pack, { startYear: 2026, role: 'medical-assistant' });

describe('field messages', () => {
  it('accepts a good plan', () => {
    expect(checkDraft(base, index)).toEqual({});
    expect(errorSummary({})).toBeNull();
  });

  it('asks for a name', () => {
    expect(checkDraft({ ...base, name: '' })).toEqual({ name: 'Give your plan a name.' });
    expect(checkDraft({ ...base, name: '   ' })).toEqual({ name: 'Give your plan a name.' });
  });

  it('explains hours out of range and a field left empty', () => {
    expect(checkDraft({ ...base, start: { ...base.start, hoursPerWeek: 0 } })).toEqual({
      'start.hoursPerWeek': 'Hours per week must be at least 1 hour.',
    });
    expect(checkDraft({ ...base, start: { ...base.start, hoursPerWeek: 81 } })['start.hoursPerWeek']).toBe(
      'Hours per week must be at most 80 hours.',
    );
    expect(
      checkDraft({ ...base, start: { ...base.start, hoursPerWeek: Number.NaN } })['start.hoursPerWeek'],
    ).toBe('Hours per week needs a number.');
    expect(checkDraft({ ...base, years: 0 }).years).toBe('The number of years must be at least 1.');
  });

  it("says which years a step may use when it is outside the plan's years", () => {
    const errors = checkDraft({ ...base, steps: [{ type: 'hours', hoursPerWeek: 30, year: 2040 }] });
    expect(errors['steps.0.year']).toBe('Pick a year from 2026 to 2035 (the years your plan covers).');
    expect(stepErrors(errors, 0)).toEqual({
      year: 'Pick a year from 2026 to 2035 (the years your plan covers).',
    });
    expect(stepErrors(errors, 1)).toEqual({});
    // Even where the schema's own outer limit fires first.
    expect(
      checkDraft({ ...base, steps: [{ type: 'hours', hoursPerWeek: 30, year: 20 }] })['steps.0.year'],
    ).toMatch(/^Pick a year from 2026 to 2035/);
  });

  it('checks ids against the pack: a move into another currency is refused', () => {
    const errors = checkDraft({ ...base, steps: [{ type: 'place', place: 'CA', year: 2027 }] }, index);
    expect(errors['steps.0.place']).toMatch(/^Canada uses CAD but this plan is in USD/);
  });

  it('counts what needs fixing', () => {
    expect(errorSummary({ name: 'x' })).toBe('Fix the highlighted field to save.');
    expect(errorSummary({ name: 'x', years: 'y' })).toBe('Fix the 2 highlighted fields to save.');
  });

  it('turns JSON paths into field keys', () => {
    expect(dottedPath('$.steps[2].place')).toBe('steps.2.place');
    expect(dottedPath('$.start.role')).toBe('start.role');
    expect(dottedPath('$.name')).toBe('name');
  });
});
