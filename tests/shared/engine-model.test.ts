/**
 * The projection model, rule by rule, on the test fixture pack (whose numbers do not move when
 * the real pack is rebuilt). Expected values are computed in the test from the rules in
 * docs/how-projections-work.md.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePlans,
  ComparisonError,
  formatMoney,
  formatWhole,
  indexDataPack,
  PlanDataError,
  projectPlan,
  toDollars,
  yearGrowth,
} from '../../shared/engine';
import type { Plan } from '../../shared/plan/schema';
import { fixturePack } from './fixtures/packs';

const index = indexDataPack(fixturePack);
const flat = { inflationPct: 0, realRaisePct: 0, dollars: 'today', band: 'p25-p75' } as const;

function plan(overrides: Partial<Omit<Plan, 'start'>> & { start?: Partial<Plan['start']> } = {}): Plan {
  const { start, ...rest } = overrides;
  return {
    name: 'test',
    startYear: 2026,
    years: 5,
    steps: [],
    assumptions: flat,
    ...rest,
    start: { role: 'medical-assistant', place: 'US', setting: 'all', hoursPerWeek: 40, ...start },
  };
}

const salaries = (p: Plan): number[] => projectPlan(p, index).years.map((y) => y.salary);
const codes = (p: Plan): string[][] => projectPlan(p, index).years.map((y) => y.warnings.map((w) => w.code));
const CA_FACTOR = 49660 / 45690; // MA, May 2025 medians (fixture rows copied from the BLS CSV)
const CMA = 1 + 7.1 / 100;

describe('raises', () => {
  it('grow the rate by (1 + realRaisePct/100) each year after the first year of a role', () => {
    expect(salaries(plan({ years: 3, assumptions: { ...flat, realRaisePct: 2 } }))).toEqual([
      42000,
      42840,
      Math.round(42000 * 1.02 ** 2),
    ]);
  });

  it('restart at a new role (the new role pays its own first-year figure)', () => {
    const p = plan({
      years: 4,
      assumptions: { ...flat, realRaisePct: 1 },
      steps: [{ type: 'role', role: 'senior-medical-assistant', year: 2028 }],
      start: { yearsExperience: 2 },
    });
    expect(salaries(p)).toEqual([42000, 42420, 49000, 49490]);
  });
});

describe('a promotion never cuts pay', () => {
  it('keeps the current rate when the new role starts lower, warns, and raises continue from there', () => {
    const p = plan({
      years: 4,
      assumptions: { ...flat, realRaisePct: 10 },
      steps: [{ type: 'role', role: 'senior-medical-assistant', year: 2028 }],
      start: { yearsExperience: 5 },
    });
    const projection = projectPlan(p, index);
    const stay = 42000 * 1.1 * 1.1;
    expect(projection.years.map((y) => y.salary)).toEqual([
      42000,
      46200,
      Math.round(stay),
      Math.round(stay * 1.1),
    ]);
    const year = projection.years[2]!;
    expect(projection.years.map((y) => y.yearsInRole)).toEqual([0, 1, 0, 1]);
    expect(yearGrowth(projection, year).raise).toBe(1);
    expect(yearGrowth(projection, projection.years[1]!).raise).toBeCloseTo(1.1, 12);
    expect(year.factors.keptPay).toBeCloseTo(stay / 49000, 12);
    expect(year.warnings).toEqual([
      {
        code: 'promotion-kept-pay',
        stepIndex: 0,
        year: 2028,
        message:
          'Senior Medical Assistant usually pays $49,000 a year here, less than this plan already earns ($50,820), so pay stays where it was instead of going down.',
      },
    ]);
  });

  it('a role with no pay figure keeps the pay from before', () => {
    const p = plan({ years: 3, steps: [{ type: 'role', role: 'patient-navigator', year: 2027 }] });
    expect(salaries(p)).toEqual([42000, 42000, 42000]);
    expect(codes(p)[1]).toEqual(['no-band-data', 'no-pay-data']);
    expect(projectPlan(p, index).years[1]!.warnings[1]!.message).toBe(
      'There is no pay figure for Patient Navigator, so this plan keeps the pay from before.',
    );
  });

  it('a start role with no pay figure shows 0 (not a guess) until a role with pay', () => {
    const p = plan({
      years: 3,
      start: { role: 'patient-navigator' },
      steps: [{ type: 'role', role: 'medical-assistant', year: 2028 }],
    });
    expect(salaries(p)).toEqual([0, 0, 42000]);
    expect(codes(p)[0]).toEqual(['no-band-data', 'no-pay-data']);
  });
});

describe('moves rescale the current rate by new factor ÷ old factor', () => {
  it('a place step keeps the raise earned so far', () => {
    const p = plan({
      years: 3,
      assumptions: { ...flat, realRaisePct: 1 },
      steps: [{ type: 'place', place: 'US-CA', year: 2028 }],
    });
    expect(salaries(p)).toEqual([42000, 42420, Math.round(42000 * 1.01 ** 2 * CA_FACTOR)]);
  });

  it('a place step after a kept-pay promotion scales the kept rate', () => {
    const p = plan({
      years: 4,
      assumptions: { ...flat, realRaisePct: 10 },
      start: { yearsExperience: 5 },
      steps: [
        { type: 'role', role: 'senior-medical-assistant', year: 2028 },
        { type: 'place', place: 'US-CA', year: 2029 },
      ],
    });
    expect(salaries(p)[3]).toBe(Math.round(42000 * 1.1 ** 2 * 1.1 * CA_FACTOR));
  });

  it('hours scale by hoursPerWeek ÷ 40, at the start and on an hours step', () => {
    const p = plan({
      years: 3,
      start: { hoursPerWeek: 20 },
      steps: [
        { type: 'hours', hoursPerWeek: 30, year: 2027 },
        { type: 'hours', hoursPerWeek: 40, year: 2028 },
      ],
    });
    expect(salaries(p)).toEqual([21000, 31500, 42000]);
    expect(projectPlan(p, index).years.map((y) => y.hoursPerWeek)).toEqual([20, 30, 40]);
  });

  it('a setting step uses the setting ratio of the newest release', () => {
    const p = plan({ years: 2, steps: [{ type: 'setting', setting: '621400', year: 2027 }] });
    expect(salaries(p)).toEqual([42000, Math.round((42000 * 48560) / 45690)]);
  });

  it('a place step into another currency is left out, with a warning', () => {
    const p = plan({ years: 2, steps: [{ type: 'place', place: 'GB', year: 2027 }] });
    expect(salaries(p)).toEqual([42000, 42000]);
    expect(codes(p)[1]).toEqual(['currency-change']);
  });

  it('moving between two countries of one currency swaps the printed range', () => {
    const p = plan({
      years: 2,
      start: { role: 'medical-office-assistant', place: 'DE' },
      steps: [{ type: 'place', place: 'ES', year: 2027 }],
    });
    expect(salaries(p)).toEqual([31500, 21500]);
  });
});

describe('certifications', () => {
  const program = { type: 'program', program: 'ma-certificate', year: 2026 } as const;

  it('multiply pay by (1 + payChangePct/100) from the year earned', () => {
    const p = plan({
      years: 3,
      steps: [program, { type: 'certification', certification: 'cma', year: 2027 }],
    });
    expect(salaries(p)).toEqual([42000, Math.round(42000 * CMA), Math.round(42000 * CMA)]);
    expect(projectPlan(p, index).years[1]!.certifications).toEqual(['cma']);
  });

  it("a step's payChangePct overrides the pack's", () => {
    const p = plan({
      years: 2,
      steps: [program, { type: 'certification', certification: 'cma', year: 2027, payChangePct: 10 }],
    });
    expect(salaries(p)).toEqual([42000, 46200]);
  });

  it('carry into the next role of the same track', () => {
    const p = plan({
      years: 3,
      start: { yearsExperience: 5 },
      steps: [
        program,
        { type: 'certification', certification: 'cma', year: 2026 },
        { type: 'role', role: 'senior-medical-assistant', year: 2028 },
      ],
    });
    expect(salaries(p)[2]).toBe(Math.round(49000 * CMA));
  });

  it('for another track: no pay change, and a warning checked against the role the year ends in', () => {
    const p = plan({ years: 2, steps: [{ type: 'certification', certification: 'cmaa', year: 2027 }] });
    expect(salaries(p)).toEqual([42000, 42000]);
    expect(codes(p)[1]).toEqual(['certification-not-for-role']);
    // Same year as a move onto the MOA track: the certification counts, no warning.
    const moving = plan({
      years: 2,
      start: { role: 'medical-office-assistant', yearsExperience: 9 },
      steps: [
        { type: 'certification', certification: 'cma', year: 2027, payChangePct: 10 },
        { type: 'program', program: 'ma-certificate', year: 2027 },
        { type: 'role', role: 'lead-medical-assistant', year: 2027 },
      ],
    });
    expect(codes(moving)[1]).toEqual([]);
    expect(salaries(moving)[1]).toBe(Math.round(55000 * 1.1));
  });

  it('earned twice (a renewal): costs twice, raises pay once', () => {
    const p = plan({
      years: 3,
      steps: [
        program,
        { type: 'certification', certification: 'cma', year: 2027 },
        { type: 'certification', certification: 'cma', year: 2028 },
      ],
    });
    const projection = projectPlan(p, index);
    expect(projection.years.map((y) => y.salary)).toEqual([
      42000,
      Math.round(42000 * CMA),
      Math.round(42000 * CMA),
    ]);
    expect(projection.years.map((y) => y.costs)).toEqual([12500, 188, 188]);
  });
});

describe('warnings', () => {
  it('early promotion, in words a student understands', () => {
    const p = plan({ years: 3, steps: [{ type: 'role', role: 'lead-medical-assistant', year: 2028 }] });
    const warning = projectPlan(p, index).years[2]!.warnings[0]!;
    expect(warning).toEqual({
      code: 'early-promotion',
      stepIndex: 0,
      year: 2028,
      message: 'Lead Medical Assistant usually needs 4 years of experience; this plan gets there after 2.',
    });
  });

  it('experience before the plan counts', () => {
    const p = plan({
      years: 3,
      start: { yearsExperience: 2 },
      steps: [{ type: 'role', role: 'lead-medical-assistant', year: 2028 }],
    });
    expect(codes(p)[2]).toEqual([]);
  });

  it('a certification without its program, unless the program is done the same year or earlier', () => {
    const missing = plan({ years: 2, steps: [{ type: 'certification', certification: 'cma', year: 2027 }] });
    expect(projectPlan(missing, index).years[1]!.warnings).toEqual([
      expect.objectContaining({
        code: 'missing-prerequisite',
        stepIndex: 0,
        message: expect.stringContaining(
          'Medical assisting certificate or Associate degree in medical assisting',
        ),
      }),
    ]);
    const sameYear = plan({
      years: 2,
      steps: [
        { type: 'certification', certification: 'cma', year: 2027 },
        { type: 'program', program: 'ma-associate', year: 2027 },
      ],
    });
    expect(codes(sameYear)[1]).toEqual([]);
    const later = plan({
      years: 3,
      steps: [
        { type: 'certification', certification: 'cma', year: 2027 },
        { type: 'program', program: 'ma-associate', year: 2028 },
      ],
    });
    expect(codes(later)[1]).toEqual(['missing-prerequisite']);
  });

  it('a certification needing another certification, and a role needing a certification', () => {
    const p = plan({
      years: 10,
      start: { yearsExperience: 9 },
      steps: [
        { type: 'certification', certification: 'cmom', year: 2027 },
        { type: 'role', role: 'medical-office-coordinator', year: 2026 },
      ],
    });
    expect(codes(p)[0]).toEqual(['missing-prerequisite']);
    expect(projectPlan(p, index).years[0]!.warnings[0]!.message).toBe(
      'Medical Office Coordinator needs CMOM first. Add a certification step in this year or earlier.',
    );
    expect(codes(p)[1]).toEqual(['missing-prerequisite']);
  });

  it('every warning is also in projection.warnings, in year order', () => {
    const p = plan({
      years: 3,
      steps: [
        { type: 'role', role: 'lead-medical-assistant', year: 2028 },
        { type: 'place', place: 'US-WY', year: 2027 },
      ],
    });
    const projection = projectPlan(p, index);
    expect(projection.warnings.map((w) => [w.year, w.code])).toEqual([
      [2027, 'no-place-data'],
      [2028, 'early-promotion'],
    ]);
  });

  it('steps naming unknown ids are left out with a warning; an unknown start throws', () => {
    const p = plan({ years: 2, steps: [{ type: 'role', role: 'astronaut', year: 2027 }] });
    expect(salaries(p)).toEqual([42000, 42000]);
    expect(codes(p)[1]).toEqual(['unknown-id']);
    expect(() => projectPlan(plan({ start: { role: 'astronaut' } }), index)).toThrow(PlanDataError);
  });
});

describe('costs', () => {
  it("the midpoint of the published range, the plan's own figure, or 0; in the step's year", () => {
    const p = plan({
      years: 4,
      steps: [
        { type: 'program', program: 'ma-certificate', year: 2026 },
        { type: 'program', program: 'ma-associate', year: 2027, cost: 9000 },
        { type: 'certification', certification: 'cmom', year: 2028 },
        { type: 'place', place: 'US-CA', year: 2029, cost: 3000 },
      ],
    });
    const projection = projectPlan(p, index);
    expect(projection.years.map((y) => y.costs)).toEqual([12500, 9000, 0, 3000]);
    expect(projection.totals.costs).toBe(24500);
  });

  it('are inflated like pay when dollars are nominal', () => {
    const p = plan({
      years: 3,
      assumptions: { ...flat, inflationPct: 3, dollars: 'nominal' },
      steps: [{ type: 'program', program: 'ma-certificate', year: 2028 }],
    });
    const projection = projectPlan(p, index);
    expect(projection.years[2]!.costs).toBe(Math.round(12500 * 1.03 ** 2));
    expect(projection.years[2]!.salary).toBe(Math.round(42000 * 1.03 ** 2));
  });

  it('a published U.S. cost is left out of a plan in another currency (with a warning); a typed one counts', () => {
    const p = plan({
      years: 2,
      start: { role: 'medical-office-assistant', place: 'GB' },
      steps: [
        { type: 'program', program: 'moa-certificate', year: 2026 },
        { type: 'program', program: 'self-study', year: 2027, cost: 400 },
      ],
    });
    const projection = projectPlan(p, index);
    expect(projection.years.map((y) => y.costs)).toEqual([0, 400]);
    expect(projection.years[0]!.warnings.map((w) => w.code)).toEqual(['cost-not-converted']);
  });

  it('cumulative net = Σ rounded salary − Σ rounded costs', () => {
    const p = plan({
      years: 3,
      assumptions: { ...flat, realRaisePct: 1.7 },
      steps: [{ type: 'program', program: 'ma-certificate', year: 2026 }],
    });
    const years = projectPlan(p, index).years;
    expect(years.map((y) => y.cumulativeNet)).toEqual([
      42000 - 12500,
      42000 + 42714 - 12500,
      42000 + 42714 + Math.round(42000 * 1.017 ** 2) - 12500,
    ]);
  });
});

describe('dollars', () => {
  it("nominal = today's × (1 + inflation)^(year − startYear)", () => {
    const today = projectPlan(plan({ years: 6, assumptions: { ...flat, realRaisePct: 1 } }), index);
    const nominal = projectPlan(
      plan({ years: 6, assumptions: { ...flat, realRaisePct: 1, inflationPct: 2.5, dollars: 'nominal' } }),
      index,
    );
    nominal.years.forEach((y, i) =>
      expect(Math.abs(y.salary - today.years[i]!.salary * 1.025 ** i)).toBeLessThanOrEqual(
        0.5 * 1.025 ** i + 0.5,
      ),
    );
    expect(yearGrowth(nominal, nominal.years[5]!).inflation).toBeCloseTo(1.025 ** 5, 12);
    expect(yearGrowth(today, today.years[5]!).inflation).toBe(1);
  });

  it('inflation 0 and raise 0: today and nominal are identical', () => {
    const today = projectPlan(plan({ years: 5 }), index);
    const nominal = projectPlan(plan({ years: 5, assumptions: { ...flat, dollars: 'nominal' } }), index);
    expect(nominal.years.map((y) => y.salary)).toEqual(today.years.map((y) => y.salary));
  });

  it("the pack's defaults apply where the plan says nothing", () => {
    const projection = projectPlan({ ...plan({ years: 2 }), assumptions: { dollars: 'nominal' } }, index);
    expect(projection.assumptions).toEqual({ inflationPct: 2.5, realRaisePct: 1, overridden: ['dollars'] });
    expect(projection.years[1]!.salary).toBe(Math.round(42000 * 1.01 * 1.025));
  });
});

describe('same-year steps apply in a fixed order: place, setting, hours, program, certification, role', () => {
  it('whatever their order in the plan', () => {
    const steps: Plan['steps'] = [
      { type: 'role', role: 'senior-medical-assistant', year: 2027 },
      { type: 'certification', certification: 'cma', year: 2027 },
      { type: 'program', program: 'ma-certificate', year: 2027 },
      { type: 'hours', hoursPerWeek: 30, year: 2027 },
      { type: 'setting', setting: '621100', year: 2027 },
      { type: 'place', place: 'US-CA', year: 2027 },
    ];
    const forward = projectPlan(plan({ years: 2, start: { yearsExperience: 3 }, steps }), index);
    const backward = projectPlan(
      plan({ years: 2, start: { yearsExperience: 3 }, steps: [...steps].reverse() }),
      index,
    );
    expect(forward.years[1]!.salary).toBe(Math.round(49000 * CA_FACTOR * (45520 / 45690) * CMA * 0.75));
    expect(backward.years[1]!.salary).toBe(forward.years[1]!.salary);
    expect(forward.years[1]!.warnings).toEqual([]);
  });
});

describe('the index', () => {
  it('is built once per pack and gives the same projection as the pack itself', () => {
    expect(indexDataPack(fixturePack)).toBe(index);
    const p = plan({ years: 3, steps: [{ type: 'place', place: 'US-TX', year: 2027 }] });
    expect(projectPlan(p, fixturePack)).toEqual(projectPlan(p, index));
  });
});

describe('comparePlans', () => {
  const a = projectPlan(
    plan({ name: 'A', years: 12, start: { role: 'junior-medical-office-assistant' } }),
    index,
  );
  const b = projectPlan(
    plan({ name: 'B', years: 12, steps: [{ type: 'program', program: 'ma-associate', year: 2026 }] }),
    index,
  );

  it('differences per year, break-even and totals after 5 and 10 years', () => {
    const c = comparePlans(a, b);
    // B earns 42,000 − 36,000 = 6,000 more a year and paid 25,000 up front: even after 25,000 / 6,000 → year 5.
    expect(c.years[0]).toEqual({
      year: 2026,
      yearB: 2026,
      index: 0,
      salaryA: 36000,
      salaryB: 42000,
      salaryDifference: 6000,
      cumulativeNetA: 36000,
      cumulativeNetB: 17000,
      cumulativeNetDifference: -19000,
    });
    expect(c.breakEvenYear).toBe(2030);
    expect(c.after5).toBe(5 * 6000 - 25000);
    expect(c.after10).toBe(10 * 6000 - 25000);
    expect(c.notes).toEqual([]);
  });

  it('null where a plan is too short or B never catches up', () => {
    const short = projectPlan(
      plan({ name: 'short', years: 4, steps: [{ type: 'program', program: 'ma-associate', year: 2026 }] }),
      index,
    );
    const c = comparePlans(a, short);
    expect([c.breakEvenYear, c.after5, c.after10, c.years.length]).toEqual([null, null, null, 4]);
    expect(c.notes).toEqual(['The plans have different lengths; only the first 4 years are compared.']);
  });

  it('refuses plans in different currencies', () => {
    const gb = projectPlan(plan({ start: { role: 'medical-office-assistant', place: 'GB' } }), index);
    expect(() => comparePlans(a, gb)).toThrow(ComparisonError);
  });
});

describe('money helpers', () => {
  it('format whole amounts with thousands separators, the same on every machine', () => {
    expect([formatWhole(0), formatWhole(999.5), formatWhole(1234567.4), formatWhole(-45000)]).toEqual([
      '0',
      '1,000',
      '1,234,567',
      '-45,000',
    ]);
    expect([100, 1000, 123456, 1234567890123].map(formatWhole)).toEqual(['100', '1,000', '123,456', '1,234,567,890,123']);
    // Nothing a projection makes, but the command line formats pack figures too: no commas inside words.
    expect([Infinity, -Infinity, NaN, 1e21].map(formatWhole)).toEqual(['Infinity', '-Infinity', 'NaN', '1e+21']);
    expect([formatMoney(49000, 'USD'), formatMoney(-1500, 'USD'), formatMoney(25000, 'GBP')]).toEqual([
      '$49,000',
      '-$1,500',
      '25,000 GBP',
    ]);
  });

  it("toDollars turns today's money into the plan's dollars", () => {
    expect(toDollars(1000, 2, { inflationPct: 10, dollars: 'nominal' })).toBeCloseTo(1210, 9);
    expect(toDollars(1000, 2, { inflationPct: 10, dollars: 'today' })).toBe(1000);
  });
});
