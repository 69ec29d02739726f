/**
 * Sentences about a comparison. The projections are built here from chosen salaries and costs
 * (so every expected amount and year can be worked out by hand), run through the engine's
 * comparePlans, and the sentences checked word for word. Two cases use real templates, with the
 * expected figures computed from the pack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonSentences } from '../../shared/compare/sentences';
import { checkDataPack } from '../../shared/datapack/check-pack';
import type { DataPack } from '../../shared/datapack/schema';
import { comparePlans, projectPlan, type Projection, type ProjectionYear } from '../../shared/engine';
import { planFromTemplate } from '../../shared/templates/plan-from-template';

/** A projection with the given yearly salaries and costs (everything else filler). */
function projection(
  name: string,
  salaries: number[],
  costs: Record<number, number> = {},
  options: { startYear?: number; currency?: string } = {},
): Projection {
  const startYear = options.startYear ?? 2026;
  let earnings = 0;
  let spent = 0;
  const years = salaries.map((salary, index): ProjectionYear => {
    const cost = costs[index] ?? 0;
    earnings += salary;
    spent += cost;
    return {
      year: startYear + index,
      index,
      role: 'medical-assistant',
      place: 'US',
      setting: 'all',
      hoursPerWeek: 40,
      certifications: [],
      salary,
      salaryLow: salary,
      salaryHigh: salary,
      costs: cost,
      cumulativeEarnings: earnings,
      cumulativeCosts: spent,
      cumulativeNet: earnings - spent,
      factors: {
        baseRate: salary,
        baseSourceId: null,
        place: 1,
        placeSourceId: null,
        setting: 1,
        settingSourceId: null,
        certification: 1,
        hours: 1,
        keptPay: 1,
        bandLow: 1,
        bandHigh: 1,
        bandSourceId: null,
      },
      yearsInRole: index,
      warnings: [],
    };
  });
  return {
    name,
    currency: options.currency ?? 'USD',
    dollars: 'today',
    band: 'p25-p75',
    assumptions: { inflationPct: 2, realRaisePct: 1, overridden: [] },
    years,
    totals: { earnings, costs: spent, net: earnings - spent },
    warnings: [],
  };
}

const repeat = (value: number, n: number): number[] => Array.from({ length: n }, () => value);
const sentences = (a: Projection, b: Projection, labels?: { labelA?: string; labelB?: string }) =>
  comparisonSentences(comparePlans(a, b), a, b, labels);

describe('comparisonSentences', () => {
  it('B behind while it pays for a program, then ahead: the amounts and the payback year', () => {
    const a = projection('Plan A', repeat(40000, 10));
    const b = projection('Plan B', [40000, ...repeat(45000, 9)], { 0: 10000 });
    // Cumulative nets: A 40k, 80k, 120k, …; B 30k, 75k, 120k (even in year 3 = 2028), …
    // After 5: A 200,000, B 40,000 + 4 × 45,000 − 10,000 = 210,000. After 10: 400,000 vs 435,000.
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan B is ahead by $10,000; it pays back its program cost in 2028.',
      'After 10 years, Plan B is ahead by $35,000.',
    ]);
    expect(comparePlans(a, b).breakEvenYear).toBe(2028);
  });

  it('A ahead every year: "stays ahead" and B never pays back', () => {
    const a = projection('Plan A', repeat(42000, 10));
    const b = projection('Plan B', repeat(42300, 10), { 0: 25000 });
    // B gains 300 a year against a 25,000 cost: after 10 years 3,000 − 25,000 = −22,000.
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan A is ahead by $23,500.',
      'After 10 years, Plan A is ahead by $22,000.',
      'Plan B does not pay back its program cost within the 10 years compared.',
      'Plan A stays ahead for all 10 years.',
    ]);
  });

  it('B ahead every year', () => {
    const a = projection('Plan A', repeat(40000, 6));
    const b = projection('Plan B', repeat(41000, 6));
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan B is ahead by $5,000.',
      'After 6 years, Plan B is ahead by $6,000.',
      'Plan B stays ahead for all 6 years.',
    ]);
  });

  it('ties: even at a checkpoint, and even throughout', () => {
    const a = projection('Plan A', repeat(40000, 10));
    expect(sentences(a, projection('Plan B', repeat(40000, 10)))).toEqual([
      'After 5 years, Plan A and Plan B are even.',
      'After 10 years, Plan A and Plan B are even.',
      'Plan A and Plan B are even in all 10 years.',
    ]);
    // Behind by 1,000 a year for 5 years, then ahead by 1,000 a year: even after 10.
    const b = projection('Plan B', [...repeat(39000, 5), ...repeat(41000, 5)]);
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan A is ahead by $5,000.',
      'After 10 years, Plan A and Plan B are even.',
    ]);
  });

  it('the payback year is counted from when B falls behind, not from an even first year', () => {
    // Even in year 1; B pays 6,000 in year 2 and earns 2,000 more a year from then on.
    const a = projection('Plan A', repeat(40000, 10));
    const b = projection('Plan B', [40000, ...repeat(42000, 9)], { 1: 6000 });
    // Differences: 0, −4,000, −2,000, 0 (2029) …
    expect(comparePlans(a, b).breakEvenYear).toBe(2026);
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan B is ahead by $2,000; it pays back its program cost in 2029.',
      'After 10 years, Plan B is ahead by $12,000.',
    ]);
  });

  it('B never behind: its costs are paid back the year they are paid', () => {
    const a = projection('Plan A', repeat(40000, 5));
    const b = projection('Plan B', repeat(41000, 5), { 3: 500 });
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan B is ahead by $4,500; it pays back its program cost in 2029.',
      'Plan B stays ahead for all 5 years.',
    ]);
  });

  it('says the payback as its own sentence when the other plan leads at the checkpoint', () => {
    const a = projection('Plan A', repeat(40000, 10));
    const b = projection('Plan B', repeat(43000, 10), { 0: 20000 });
    // Differences: −17,000, −14,000, …, −5,000 after 5, −2,000, +1,000 after 7 (2032), +10,000 after 10.
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan A is ahead by $5,000.',
      'After 10 years, Plan B is ahead by $10,000; it pays back its program cost in 2032.',
    ]);
  });

  it('mirrors the payback for A when only A has costs', () => {
    const a = projection('Plan A', repeat(43000, 10), { 0: 20000 });
    const b = projection('Plan B', repeat(40000, 10));
    expect(sentences(a, b)).toEqual([
      'After 5 years, Plan B is ahead by $5,000.',
      'After 10 years, Plan A is ahead by $10,000; it pays back its program cost in 2032.',
    ]);
  });

  it('uses thousands separators, and the currency code outside the U.S.', () => {
    const a = projection('Plan A', repeat(1_000_000, 3));
    const b = projection('Plan B', repeat(1_411_522, 3));
    expect(sentences(a, b)[0]).toBe('After 3 years, Plan B is ahead by $1,234,566.');
    const ga = projection('Plan A', repeat(25000, 5), {}, { currency: 'GBP' });
    const gb = projection('Plan B', repeat(26240, 5), {}, { currency: 'GBP' });
    expect(sentences(ga, gb)).toEqual([
      'After 5 years, Plan B is ahead by 6,200 GBP.',
      'Plan B stays ahead for all 5 years.',
    ]);
  });

  it('short and long comparisons: the last year compared, and 5 and 10 on the way', () => {
    const one = sentences(projection('Plan A', [40000]), projection('Plan B', [41000]));
    expect(one).toEqual(['After 1 year, Plan B is ahead by $1,000.']);
    const twenty = sentences(
      projection('Plan A', repeat(40000, 20)),
      projection('Plan B', repeat(40100, 25)),
    );
    expect(twenty).toEqual([
      'After 5 years, Plan B is ahead by $500.',
      'After 10 years, Plan B is ahead by $1,000.',
      'After 20 years, Plan B is ahead by $2,000.',
      'Plan B stays ahead for all 20 years.',
    ]);
  });

  it('uses the plans’ names, Plan A/Plan B when the names are the same, or given labels', () => {
    const a = projection('Front desk', repeat(40000, 5));
    const b = projection('Coding', repeat(40200, 5));
    expect(sentences(a, b)[0]).toBe('After 5 years, Coding is ahead by $1,000.');
    expect(sentences(a, b, { labelA: 'your plan', labelB: 'the other plan' })[0]).toBe(
      'After 5 years, the other plan is ahead by $1,000.',
    );
    expect(sentences(projection('Plan', repeat(40000, 5)), projection('Plan', repeat(40200, 5)))[0]).toBe(
      'After 5 years, Plan B is ahead by $1,000.',
    );
  });

  it('names B’s own calendar year and which year of the plan it is when the starts differ', () => {
    const a = projection('Plan A', repeat(40000, 10), {}, { startYear: 2026 });
    const b = projection('Plan B', repeat(43000, 10), { 0: 20000 }, { startYear: 2027 });
    expect(sentences(a, b)[1]).toBe(
      'After 10 years, Plan B is ahead by $10,000; it pays back its program cost in 2033 (its 7th year).',
    );
  });
});

describe('comparisonSentences with the pack’s templates', () => {
  const checked = checkDataPack(
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'pack.json'), 'utf8')),
  );
  if (!checked.ok) throw new Error('data/pack.json is not valid');
  const pack: DataPack = checked.value;
  const project = (id: string) => {
    const t = pack.templates.find((x) => x.id === id);
    if (!t) throw new Error(`no template ${id}`);
    return projectPlan(planFromTemplate(t, pack, { startYear: 2026, place: 'US' }), pack);
  };
  const labels = { labelA: 'Plan A', labelB: 'Plan B' };

  it('CMAA fast track against on-the-job: same pay, so A stays ahead by the self-study midpoint', () => {
    const selfStudy = pack.programs.find((p) => p.id === 'self-study')?.cost;
    const cost = selfStudy ? (selfStudy.min + selfStudy.max) / 2 : NaN;
    expect(cost).toBe(500);
    const a = project('front-desk-to-lead-moa');
    const b = project('cmaa-fast-track');
    expect(sentences(a, b, labels)).toEqual([
      'After 5 years, Plan A is ahead by $500.',
      'After 10 years, Plan A is ahead by $500.',
      'Plan B does not pay back its program cost within the 10 years compared.',
      'Plan A stays ahead for all 10 years.',
    ]);
  });

  it('associate degree first against the plain MA ladder: behind from the degree year, ahead from the payback year', () => {
    const median = (id: string) => pack.roles.find((r) => r.id === id)?.medianPay?.value ?? NaN;
    const raise = 1 + pack.defaults.realRaisePct.value / 100;
    const cma = 1 + (pack.certifications.find((c) => c.id === 'cma')?.payChangePct.value ?? NaN) / 100;
    const degree = pack.programs.find((p) => p.id === 'medical-assistant-associate')?.cost;
    const degreeCost = degree ? (degree.min + degree.max) / 2 : NaN;
    // Role held each year and years in it (MA 0-1, Senior 2-3, Lead 4-6, Coordinator 7-9).
    const ladder: Array<[string, number]> = [
      ['medical-assistant', 0],
      ['medical-assistant', 1],
      ['senior-medical-assistant', 0],
      ['senior-medical-assistant', 1],
      ['lead-medical-assistant', 0],
      ['lead-medical-assistant', 1],
      ['lead-medical-assistant', 2],
      ['medical-office-coordinator', 0],
      ['medical-office-coordinator', 1],
      ['medical-office-coordinator', 2],
    ];
    const payA = ladder.map(([id, n]) => Math.round(median(id) * raise ** n));
    const payB = ladder.map(([id, n], i) => Math.round(median(id) * raise ** n * (i >= 1 ? cma : 1)));
    let netA = 0;
    let netB = 0;
    const differences = payA.map((pay, i) => {
      netA += pay;
      netB += payB[i]! - (i === 1 ? degreeCost : 0);
      return netB - netA;
    });
    const fellBehind = differences.findIndex((d) => d < 0);
    const payback = differences.findIndex((d, i) => i > fellBehind && d >= 0);
    expect(fellBehind).toBe(1);
    const money = (v: number) => `$${Math.abs(v).toLocaleString('en-US')}`;
    expect(sentences(project('ma-to-office-coordinator'), project('associate-degree-first'), labels)).toEqual(
      [
        `After 5 years, Plan A is ahead by ${money(differences[4]!)}.`,
        `After 10 years, Plan B is ahead by ${money(differences[9]!)}; it pays back its program cost in ${2026 + payback}.`,
      ],
    );
    expect(differences[4]).toBeLessThan(0);
    expect(differences[9]).toBeGreaterThan(0);
  });
});
