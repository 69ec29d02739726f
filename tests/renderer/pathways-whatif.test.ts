/** Pathways in the new-plan dialog, "Suggest steps" on a draft, and the what-if controls' edits. */
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { indexDataPack } from '../../shared/engine/index';
import { newPlan } from '../../shared/plan/new-plan';
import type { Plan, Step } from '../../shared/plan/schema';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import { suggestPromotionSteps } from '../../shared/templates/suggest-steps';
import { createLookup } from '../../renderer/src/features/planner/pack-lookup';
import { addSteps, removeKeyedSteps, suggestFor } from '../../renderer/src/features/pathways/suggest-draft';
import {
  describeSuggested,
  nothingSuggested,
  templateFacts,
  templateStepLabel,
} from '../../renderer/src/features/pathways/template-info';
import {
  differsFrom,
  hoursText,
  rateText,
  restoreSnapshot,
  setHours,
  setRate,
  setStepYear,
  snapshotOf,
  stepSliders,
} from '../../renderer/src/features/whatif/what-if';

const pack = loadDataPack();
const index = indexDataPack(pack);
const lookup = createLookup(pack);
const template = (id: string) => pack.templates.find((t) => t.id === id)!;

describe('pathway facts', () => {
  it('says where each pathway starts and ends, what its steps are and where they come from', () => {
    expect(templateFacts(template('cmaa-fast-track'), index)).toEqual({
      startsAs: 'Junior Medical Office Assistant',
      endsAs: 'Lead Medical Office Assistant',
      steps: '3 moves up, 1 certification and 1 program',
      years: '10 years',
      sources: ['Medical Office Assistant Career Guide', 'What is a Medical Administrative Assistant?'],
    });
    expect(templateFacts(template('ma-to-office-coordinator'), index).steps).toBe('3 moves up');
    for (const t of pack.templates) {
      const facts = templateFacts(t, index);
      expect(facts.sources.length, t.id).toBeGreaterThan(0);
      expect(
        facts.sources.every((s) => s !== 'source not listed'),
        t.id,
      ).toBe(true);
    }
  });

  it('names each step of a pathway', () => {
    const plan = planFromTemplate(template('associate-degree-first'), pack, { startYear: 2026, place: 'US' });
    expect(plan.steps.map((s) => templateStepLabel(s, index))).toEqual([
      `Complete ${pack.programs.find((p) => p.id === 'medical-assistant-associate')!.name}`,
      'Earn CMA',
      'Move up to Senior Medical Assistant',
      'Move up to Lead Medical Assistant',
      'Move up to Medical Office Coordinator',
    ]);
    expect(templateStepLabel({ type: 'hours', hoursPerWeek: 30, year: 2027 }, index)).toBe(
      'Work 30 hours a week',
    );
    expect(templateStepLabel({ type: 'place', place: 'US-TX', year: 2027 }, index)).toBe('Move to Texas');
  });
});

describe('suggest steps', () => {
  const blank = newPlan(pack, { startYear: 2026, role: 'medical-assistant', place: 'US-OH' });

  it('suggests the ladder’s promotions and says what it added', () => {
    const suggestion = suggestFor(blank, index);
    expect(suggestion.steps).toEqual(suggestPromotionSteps(blank, pack));
    expect(suggestion.message).toBe(
      "Added 3 promotions up the medical assistant ladder, at the guide's usual years: " +
        'Senior Medical Assistant in 2028, Lead Medical Assistant in 2030 and Medical Office Coordinator in 2033.',
    );
    expect(describeSuggested(blank, suggestion.steps.slice(0, 1), index)).toMatch(/^Added 1 promotion up/);
  });

  it('says why when there is nothing to add', () => {
    const top = newPlan(pack, { startYear: 2026, role: 'medical-office-coordinator', place: 'US' });
    expect(suggestFor(top, index)).toEqual({
      steps: [],
      message: 'Nothing to suggest: Medical Office Coordinator is the top of the medical assistant ladder.',
    });
    const full = { ...blank, steps: suggestPromotionSteps(blank, pack) };
    expect(nothingSuggested(full, index)).toMatch(
      /already has every promotion up the medical assistant ladder/,
    );
    const unknown: Plan = { ...blank, start: { ...blank.start, role: 'nobody' } };
    expect(nothingSuggested(unknown, index)).toMatch(/not on a career ladder/);
  });

  it('adds the steps in year order with their keys, and Undo takes out exactly those', () => {
    const cert: Step = { type: 'certification', certification: 'cma', year: 2029 };
    const draft = { plan: { ...blank, steps: [cert] }, keys: [7] };
    const steps = suggestPromotionSteps(draft.plan, pack);
    const added = addSteps(draft, steps, [20, 21, 22]);
    expect(added.plan.steps.map((s) => s.year)).toEqual([2028, 2029, 2030, 2033]);
    expect(added.keys).toEqual([20, 7, 21, 22]);
    // Another edit in between (the certification moves) does not stop Undo.
    const edited = {
      ...added,
      plan: { ...added.plan, steps: added.plan.steps.map((s) => (s === cert ? { ...cert, year: 2031 } : s)) },
    };
    const undone = removeKeyedSteps(edited, [20, 21, 22]);
    expect(undone.keys).toEqual([7]);
    expect(undone.plan.steps).toEqual([{ ...cert, year: 2031 }]);
  });
});

describe('what-if edits', () => {
  const plan = planFromTemplate(template('associate-degree-first'), pack, {
    startYear: 2026,
    place: 'US-TX',
  });
  const draft = { plan, keys: plan.steps.map((_, i) => i + 1) };

  it('offers a year slider per certification and program step', () => {
    const sliders = stepSliders(draft, lookup);
    expect(sliders.map((s) => [s.key, s.type, s.year, s.min, s.max])).toEqual([
      [1, 'program', 2027, 2026, 2035],
      [2, 'certification', 2027, 2026, 2035],
    ]);
    expect(sliders[1]!.label).toBe('Earn CMA (Certified Medical Assistant)');
  });

  it('moves a step by key and keeps the steps in year order with their keys', () => {
    const moved = setStepYear(draft, 1, 2031);
    expect(moved.plan.steps.map((s) => [s.type, s.year])).toEqual([
      ['certification', 2027],
      ['role', 2028],
      ['role', 2030],
      ['program', 2031],
      ['role', 2033],
    ]);
    expect(moved.keys).toEqual([2, 3, 4, 1, 5]);
    expect(setStepYear(draft, 1, 2027)).toBe(draft);
    expect(setStepYear(draft, 99, 2030)).toBe(draft);
  });

  it('sets hours and rates, clears a rate back to the default, and puts everything back', () => {
    const snapshot = snapshotOf(draft);
    expect(differsFrom(draft, snapshot)).toBe(false);
    let next = setHours(draft, 30);
    next = setRate(next, 'realRaisePct', 2.5);
    next = setRate(next, 'inflationPct', 3);
    next = setStepYear(next, 2, 2029);
    expect(next.plan.start.hoursPerWeek).toBe(30);
    expect(next.plan.assumptions).toEqual({ realRaisePct: 2.5, inflationPct: 3 });
    expect(differsFrom(next, snapshot)).toBe(true);
    const back = restoreSnapshot(next, snapshot);
    expect(back.plan).toEqual(plan);
    expect(back.keys).toEqual(draft.keys);
    expect('assumptions' in back.plan).toBe(false);
    expect(setHours(draft, plan.start.hoursPerWeek)).toBe(draft);
  });

  it('words the values', () => {
    expect(hoursText(40)).toBe('40 (full time)');
    expect(hoursText(20)).toBe('20 (half time)');
    expect(hoursText(32)).toBe('32');
    expect(rateText(1)).toBe('1% a year');
    expect(rateText(-0.5)).toBe('−0.5% a year');
    expect(rateText(2.25)).toBe('2.3% a year');
  });
});
