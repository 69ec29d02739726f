/**
 * Pathway templates: the seven the issue asks for are in the pack, every id they name exists,
 * their quotes are the guides' own words, ladder promotions sit at the guide's usual years, and
 * each one becomes a valid plan that projects without unknown ids or missing prerequisites.
 * Expected figures are typed from the guides or read from the pack and computed here by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataPack, crossReferenceProblems } from '../../shared/datapack/check-pack';
import {
  DataPackSchema,
  TemplateSchema,
  type DataPack,
  type Role,
  type Template,
} from '../../shared/datapack/schema';
import { projectPlan } from '../../shared/engine';
import { checkPlan, checkPlanFile } from '../../shared/plan/check-plan';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, type Plan } from '../../shared/plan/schema';
import { planFromTemplate, templateYears } from '../../shared/templates/plan-from-template';
import { fixturePack } from './fixtures/packs';

const repoRoot = join(__dirname, '..', '..');
const packText = readFileSync(join(repoRoot, 'data', 'pack.json'), 'utf8');
const checked = checkDataPack(JSON.parse(packText));
if (!checked.ok) throw new Error('data/pack.json is not valid');
const pack: DataPack = checked.value;
const copy = (): DataPack => JSON.parse(packText) as DataPack;

const role = (id: string): Role => {
  const found = pack.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
};
const template = (id: string): Template => {
  const found = pack.templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const median = (id: string): number => {
  const pay = role(id).medianPay;
  if (!pay) throw new Error(`${id} has no median`);
  return pay.value;
};
const midpointOf = (range: { min: number; max: number } | null | undefined): number =>
  range ? (range.min + range.max) / 2 : 0;
const problemsOf = (broken: DataPack) => crossReferenceProblems(broken).map((p) => `${p.path}: ${p.message}`);

/** [type, id, offsetYears] of each step, typed from the templates' design (guide years). */
const stepsOf = (t: Template) =>
  t.steps.map((s) => {
    switch (s.type) {
      case 'role':
        return [s.type, s.role, s.offsetYears];
      case 'certification':
        return [s.type, s.certification, s.offsetYears];
      case 'program':
        return [s.type, s.program, s.offsetYears];
      case 'setting':
        return [s.type, s.setting, s.offsetYears];
    }
  });

describe('the templates in the data pack', () => {
  it('are the seven pathways of the issue', () => {
    expect(pack.templates.map((t) => t.id)).toEqual([
      'front-desk-to-lead-moa',
      'ma-to-office-coordinator',
      'cmaa-fast-track',
      'associate-degree-first',
      'billing-and-coding-cpc',
      'office-manager',
      'ma-to-lpn-bridge',
    ]);
    for (const t of pack.templates) expect(TemplateSchema.safeParse(t).success, t.id).toBe(true);
  });

  it('have the steps the guides support, at the guides’ years', () => {
    // Medical office assistant guide: Junior 0-1, MOA 1-3, Senior 3-6, Lead 6+ years.
    const moaLadder = [
      ['role', 'medical-office-assistant', 1],
      ['role', 'senior-medical-office-assistant', 3],
      ['role', 'lead-medical-office-assistant', 6],
    ];
    // Medical assistant guide: MA 0-2, Senior 2-4, Lead 4-7, Coordinator 7+ years.
    const maLadder = [
      ['role', 'senior-medical-assistant', 2],
      ['role', 'lead-medical-assistant', 4],
      ['role', 'medical-office-coordinator', 7],
    ];
    expect(stepsOf(template('front-desk-to-lead-moa'))).toEqual(moaLadder);
    expect(stepsOf(template('ma-to-office-coordinator'))).toEqual(maLadder);
    expect(stepsOf(template('cmaa-fast-track'))).toEqual([
      ['program', 'self-study', 0],
      ['certification', 'cmaa', 0],
      ...moaLadder,
    ]);
    expect(stepsOf(template('associate-degree-first'))).toEqual([
      ['program', 'medical-assistant-associate', 1],
      ['certification', 'cma', 1],
      ...maLadder,
    ]);
    expect(stepsOf(template('billing-and-coding-cpc'))).toEqual([
      ['role', 'medical-office-assistant', 1],
      ['certification', 'cpc', 3],
      ['role', 'medical-billing-and-coding-specialist', 3],
    ]);
    expect(stepsOf(template('office-manager'))).toEqual([
      ...moaLadder,
      ['certification', 'cmom', 7],
      ['role', 'medical-office-manager', 7],
    ]);
    expect(stepsOf(template('ma-to-lpn-bridge'))).toEqual([
      ['program', 'ma-to-lpn-bridge', 2],
      ['certification', 'nclex-pn', 2],
      ['role', 'licensed-practical-nurse', 2],
    ]);
  });

  it('start on their own track and put each ladder promotion at the role’s usual years, citing them', () => {
    for (const t of pack.templates) {
      expect(role(t.start.role).trackId, t.id).toBe(t.trackId);
      for (const step of t.steps) {
        if (step.type !== 'role') continue;
        const r = role(step.role);
        if (r.trackId !== t.trackId || !r.typicalYears) continue;
        expect(step.offsetYears, `${t.id} ${r.id}`).toBe(r.typicalYears.min);
        expect(step.sourceId, `${t.id} ${r.id}`).toBe(r.typicalYears.sourceId);
      }
    }
  });

  it('cite a career guide for the template and every step, with a short reason', () => {
    const guides = new Set(pack.sources.filter((s) => s.kind === 'career-guide').map((s) => s.id));
    for (const t of pack.templates) {
      expect(guides.has(t.sourceId), t.id).toBe(true);
      expect(t.quote, t.id).toBeTruthy();
      expect(
        t.summary.split(/[.!?](\s|$)/).filter((s) => s.trim()).length,
        `${t.id} summary is one sentence`,
      ).toBe(1);
      for (const step of t.steps) {
        expect(guides.has(step.sourceId), `${t.id} step`).toBe(true);
        expect(step.why.length).toBeGreaterThan(10);
      }
    }
  });

  it('keep the template quote in the pack but leave the step quotes in data/guides', () => {
    const guideFile = JSON.parse(
      readFileSync(join(repoRoot, 'data', 'guides', 'templates.json'), 'utf8'),
    ) as {
      templates: Array<{ id: string; quote?: string; steps: Array<{ quote?: string }> }>;
    };
    expect(guideFile.templates.flatMap((t) => t.steps).filter((s) => s.quote).length).toBeGreaterThan(0);
    for (const t of pack.templates) {
      expect(t.quote).toBe(guideFile.templates.find((g) => g.id === t.id)?.quote);
      for (const step of t.steps) expect(step).not.toHaveProperty('quote');
    }
  });
});

// The career guides live beside the repo (../shared/seeds), as on every developer machine and in CI.
const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const SEED_FILES: Record<string, string> = {
  'guide-medical-office-assistant': 'medical-office-assistant-career-guide.txt',
  'guide-medical-assistant': 'medical-assistant-career-guide.txt',
  'guide-medical-administrative-assistant': 'medical-administrative-assistant-guide.txt',
};

describe.skipIf(!existsSync(SEEDS))('template quotes against the guides in ../shared/seeds', () => {
  const text = (sourceId: string): string => {
    const file = SEED_FILES[sourceId];
    if (!file) throw new Error(`no guide file for ${sourceId}`);
    return readFileSync(join(SEEDS, file), 'utf8');
  };

  it('are the exact words of the guide each one cites', () => {
    const guideFile = JSON.parse(
      readFileSync(join(repoRoot, 'data', 'guides', 'templates.json'), 'utf8'),
    ) as {
      templates: Array<{
        id: string;
        sourceId: string;
        quote?: string;
        steps: Array<{ sourceId: string; quote?: string }>;
      }>;
    };
    let quotes = 0;
    for (const t of guideFile.templates) {
      for (const item of [t, ...t.steps]) {
        if (!item.quote) continue;
        quotes += 1;
        expect(text(item.sourceId), `${t.id}: "${item.quote}"`).toContain(item.quote);
        expect(item.quote.length, 'short').toBeLessThanOrEqual(300);
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(7 + 10);
  });

  it('ladder reasons restate the years the guide prints', () => {
    let ladderSteps = 0;
    for (const t of pack.templates) {
      for (const step of t.steps) {
        if (step.type !== 'role') continue;
        const years = /at (\d+(?:-\d+|\+)) years of experience/.exec(step.why)?.[1];
        if (!years) continue;
        ladderSteps += 1;
        // The guide prints the title on one line and "N-M years" on a following one.
        expect(text(step.sourceId), `${t.id} ${step.role}`).toMatch(
          new RegExp(`${role(step.role).title}\\s+${years.replace('+', '\\+')} years?`),
        );
      }
    }
    expect(ladderSteps).toBe(16);
  });
});

describe('planFromTemplate', () => {
  const frontDesk = template('front-desk-to-lead-moa');

  it('starts where the template starts, in the student’s place and year, with the pack’s defaults', () => {
    const plan = planFromTemplate(frontDesk, pack, { startYear: 2026, place: 'US-OH' });
    expect(plan).toEqual({
      name: 'Front desk to Lead Medical Office Assistant',
      startYear: 2026,
      years: pack.defaults.horizonYears.value,
      start: { role: 'junior-medical-office-assistant', place: 'US-OH', setting: 'all', hoursPerWeek: 40 },
      steps: [
        { type: 'role', role: 'medical-office-assistant', year: 2027, note: frontDesk.steps[0]!.why },
        { type: 'role', role: 'senior-medical-office-assistant', year: 2029, note: frontDesk.steps[1]!.why },
        { type: 'role', role: 'lead-medical-office-assistant', year: 2032, note: frontDesk.steps[2]!.why },
      ],
    });
    expect(pack.defaults.horizonYears.value).toBe(10);
  });

  it('takes a name, is deterministic and leaves the template alone', () => {
    const before = JSON.stringify(frontDesk);
    const a = planFromTemplate(frontDesk, pack, { startYear: 2030, place: 'US', name: 'My plan' });
    const b = planFromTemplate(frontDesk, pack, { startYear: 2030, place: 'US', name: 'My plan' });
    expect(a).toEqual(b);
    expect(a.name).toBe('My plan');
    expect(a.steps.map((s) => s.year)).toEqual([2031, 2033, 2036]);
    expect(JSON.stringify(frontDesk)).toBe(before);
  });

  it('lengthens the horizon to fit a late step, and drops steps past an explicit shorter one', () => {
    const late: Template = {
      ...frontDesk,
      steps: [...frontDesk.steps, { ...frontDesk.steps[0]!, offsetYears: 12 }],
    };
    expect(templateYears(late, pack)).toBe(13);
    expect(planFromTemplate(late, pack, { startYear: 2026, place: 'US' }).years).toBe(13);

    const short = planFromTemplate(frontDesk, pack, { startYear: 2026, place: 'US', years: 5 });
    expect(short.years).toBe(5);
    expect(short.steps.map((s) => s.year)).toEqual([2027, 2029]);
    expect(checkPlan(short, pack).ok).toBe(true);
  });

  it('works with another pack’s defaults (the test fixture)', () => {
    const plan = planFromTemplate(frontDesk, fixturePack, { startYear: 2026, place: 'US' });
    expect(plan.start.hoursPerWeek).toBe(fixturePack.defaults.hoursPerWeek.value);
    expect(plan.years).toBe(Math.max(fixturePack.defaults.horizonYears.value, 7));
  });
});

describe('every template as a plan', () => {
  const places = ['US', 'US-OH', 'US-CA-soledad', 'CA'];
  const cases = pack.templates.flatMap((t) => places.map((place) => [t.id, place] as const));

  it.each(cases)(
    '%s in %s is a valid plan and projects without unknown ids or missing prerequisites',
    (id, place) => {
      const plan = planFromTemplate(template(id), pack, { startYear: 2026, place });
      const file = { format: PLAN_FORMAT, version: PLAN_FORMAT_VERSION, plans: [plan] };
      const result = checkPlanFile(file, pack);
      expect(result.ok ? [] : result.problems).toEqual([]);
      const projection = projectPlan(plan, pack);
      expect(projection.years).toHaveLength(plan.years);
      const codes = new Set(projection.warnings.map((w) => w.code));
      for (const code of [
        'unknown-id',
        'missing-prerequisite',
        'early-promotion',
        'certification-not-for-role',
        'currency-change',
      ] as const) {
        expect(codes.has(code), `${id} in ${place}: ${code}`).toBe(false);
      }
    },
  );
});

describe('template projections, computed by hand from the pack', () => {
  const raise = 1 + pack.defaults.realRaisePct.value / 100;
  const project = (id: string): ReturnType<typeof projectPlan> =>
    projectPlan(planFromTemplate(template(id), pack, { startYear: 2026, place: 'US' }), pack);

  it('front desk to Lead: the guide’s medians, with the default real raise within each role', () => {
    expect(raise).toBe(1.01);
    const [junior, moa, senior, lead] = [
      'junior-medical-office-assistant',
      'medical-office-assistant',
      'senior-medical-office-assistant',
      'lead-medical-office-assistant',
    ].map(median);
    const expected = [
      junior,
      moa,
      moa * raise,
      senior,
      senior * raise,
      senior * raise ** 2,
      lead,
      lead * raise,
      lead * raise ** 2,
      lead * raise ** 3,
    ].map(Math.round);
    expect(expected.slice(0, 4)).toEqual([36000, 42000, 42420, 48000]);
    const projection = project('front-desk-to-lead-moa');
    expect(projection.years.map((y) => y.salary)).toEqual(expected);
    expect(projection.totals.costs).toBe(0);
  });

  it('CMAA fast track: the same pay (CMAA is assumed +0%) for the self-study midpoint', () => {
    const cmaa = pack.certifications.find((c) => c.id === 'cmaa');
    const selfStudy = pack.programs.find((p) => p.id === 'self-study');
    expect(cmaa?.payChangePct.value).toBe(0);
    const cost = midpointOf(selfStudy?.cost) + midpointOf(cmaa?.cost);
    expect(cost).toBe(500);
    const fast = project('cmaa-fast-track');
    const base = project('front-desk-to-lead-moa');
    expect(fast.years.map((y) => y.salary)).toEqual(base.years.map((y) => y.salary));
    expect(fast.years[0]!.costs).toBe(cost);
    expect(fast.totals.net).toBe(base.totals.net - cost);
  });

  it('associate degree first: the degree’s midpoint cost in year 2 and the CMA’s derived raise from then on', () => {
    const associate = pack.programs.find((p) => p.id === 'medical-assistant-associate');
    const cma = pack.certifications.find((c) => c.id === 'cma');
    expect(midpointOf(associate?.cost)).toBe(25000);
    const certFactor = 1 + (cma?.payChangePct.value ?? 0) / 100;
    expect(certFactor).toBeCloseTo(1.071, 10);
    const projection = project('associate-degree-first');
    expect(projection.years.map((y) => y.costs)).toEqual([0, 25000, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(projection.years[0]!.salary).toBe(median('medical-assistant'));
    expect(projection.years[1]!.salary).toBe(Math.round(median('medical-assistant') * raise * certFactor));
    expect(projection.years[2]!.salary).toBe(Math.round(median('senior-medical-assistant') * certFactor));
    expect(projection.years[7]!.salary).toBe(Math.round(median('medical-office-coordinator') * certFactor));
  });

  it('billing and coding: the OEWS median for medical records specialists with the CPC’s derived raise', () => {
    const cpc = pack.certifications.find((c) => c.id === 'cpc');
    expect(median('medical-billing-and-coding-specialist')).toBe(51140);
    const projection = project('billing-and-coding-cpc');
    expect(projection.years[3]!.salary).toBe(
      Math.round(
        median('medical-billing-and-coding-specialist') * (1 + (cpc?.payChangePct.value ?? 0) / 100),
      ),
    );
    expect(projection.years[3]!.role).toBe('medical-billing-and-coding-specialist');
  });

  it('office manager and LPN: the new role’s OEWS median in the year of the move', () => {
    expect(project('office-manager').years[7]!.salary).toBe(median('medical-office-manager'));
    const lpn = project('ma-to-lpn-bridge');
    expect(lpn.years[2]!.salary).toBe(median('licensed-practical-nurse'));
    expect(lpn.years[2]!.certifications).toEqual(['nclex-pn']);
    // The guide prints no cost for the bridge, so the plan shows none (the step says so).
    expect(lpn.totals.costs).toBe(0);
    expect(template('ma-to-lpn-bridge').steps[0]!.why).toMatch(/no cost/);
  });
});

describe('the pack checks templates', () => {
  it('defaults to no templates for a pack written before them', () => {
    const old = JSON.parse(packText) as Record<string, unknown>;
    delete old.templates;
    const parsed = DataPackSchema.parse(old);
    expect(parsed.templates).toEqual([]);
    expect(checkDataPack(old).ok).toBe(true);
    expect(fixturePack.templates).toEqual([]);
  });

  it('names unknown ids, a start role on another track, steps out of order and duplicates', () => {
    const broken = copy();
    const t = broken.templates;
    t[0]!.sourceId = 'no-such-source';
    t[0]!.steps[0] = { ...t[0]!.steps[0]!, sourceId: 'nope' } as Template['steps'][number];
    t[1]!.start.role = 'junior-medical-office-assistant';
    t[1]!.start.setting = '999999';
    t[2]!.steps[1] = {
      type: 'certification',
      certification: 'cmaaa',
      offsetYears: 0,
      why: 'x',
      sourceId: 'guide-medical-assistant',
    };
    t[3]!.steps[0] = {
      type: 'program',
      program: 'no-program',
      offsetYears: 9,
      why: 'x',
      sourceId: 'guide-medical-assistant',
    };
    t[4]!.steps[0] = {
      type: 'role',
      role: 'no-role',
      offsetYears: 1,
      why: 'x',
      sourceId: 'guide-medical-assistant',
    };
    t[5]!.trackId = 'no-track';
    t[6]!.id = t[0]!.id;
    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        '$.templates[0].sourceId: unknown source "no-such-source"',
        '$.templates[0].steps[0].sourceId: unknown source "nope"',
        '$.templates[1].start.role: role "junior-medical-office-assistant" belongs to track "medical-office", not "medical-assistant"',
        '$.templates[1].start.setting: unknown setting "999999"',
        '$.templates[2].steps[1].certification: unknown certification "cmaaa"',
        '$.templates[3].steps[0].program: unknown program "no-program"',
        '$.templates[3].steps[1].offsetYears: steps must be in order of offsetYears',
        '$.templates[4].steps[0].role: unknown role "no-role"',
        '$.templates[5].trackId: unknown track "no-track"',
        `$.templates[6].id: duplicate template id "${t[0]!.id}"`,
      ]),
    );
  });

  it('rejects unknown fields, step kinds plans cannot take here, and fractional or negative offsets', () => {
    const good = template('cmaa-fast-track');
    const reject = (value: unknown) => expect(TemplateSchema.safeParse(value).success).toBe(false);
    expect(TemplateSchema.safeParse(good).success).toBe(true);
    reject({ ...good, extra: 1 });
    reject({ ...good, id: 'Not Kebab' });
    reject({ ...good, steps: [{ ...good.steps[0], offsetYears: -1 }] });
    reject({ ...good, steps: [{ ...good.steps[0], offsetYears: 1.5 }] });
    reject({
      ...good,
      steps: [
        { type: 'hours', hoursPerWeek: 20, offsetYears: 0, why: 'x', sourceId: 'guide-medical-assistant' },
      ],
    });
    reject({
      ...good,
      steps: [
        { type: 'role', role: 'medical-assistant', offsetYears: 0, sourceId: 'guide-medical-assistant' },
      ],
    });
    reject({ ...good, start: { role: 'medical-assistant', setting: 'all', place: 'US' } });
  });

  it('template plans built on a pack agree with checkPlan there', () => {
    // A template naming a role the pack lacks is caught by the plan check, not silently kept.
    const plan: Plan = planFromTemplate(
      {
        ...template('front-desk-to-lead-moa'),
        steps: [
          {
            type: 'role',
            role: 'no-role',
            offsetYears: 1,
            why: 'x',
            sourceId: 'guide-medical-office-assistant',
          },
        ],
      },
      pack,
      { startYear: 2026, place: 'US' },
    );
    const result = checkPlan(plan, pack);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['$.steps[0].role']);
  });
});
