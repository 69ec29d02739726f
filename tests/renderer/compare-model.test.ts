/** The Compare screen's model: every figure is the engine's, only arranged for the screen. */
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { comparePlans, indexDataPack, projectPlan } from '../../shared/engine/index';
import { comparisonSentences } from '../../shared/compare/sentences';
import type { Comparison } from '../../shared/engine/types';
import type { Plan } from '../../shared/plan/schema';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import {
  aheadFrom,
  axisFor,
  breakEvenText,
  buildCompareModel,
  compareRows,
  comparedYearText,
  defaultDollars,
  formatSignedMoney,
  joinAnd,
  leadText,
  netAfter,
  plansWithOtherDollars,
  quoted,
  seriesChartSummary,
  seriesLabels,
  withDollars,
} from '../../renderer/src/features/compare/compare-model';
import { SERIES_STYLES, seriesStyle, svgDash } from '../../renderer/src/features/compare/series-style';

const pack = loadDataPack();
const index = indexDataPack(pack);
const fromTemplate = (
  id: string,
  options: Partial<{ place: string; startYear: number; name: string }> = {},
): Plan =>
  planFromTemplate(
    pack.templates.find((t) => t.id === id)!,
    pack,
    {
      startYear: options.startYear ?? 2026,
      place: options.place ?? 'US-OH',
      ...(options.name ? { name: options.name } : {}),
    },
  );

const fast = fromTemplate('cmaa-fast-track');
const degree = fromTemplate('associate-degree-first');
const ladder = fromTemplate('ma-to-office-coordinator');

describe('buildCompareModel', () => {
  it('needs two plans', () => {
    expect(buildCompareModel([], index, 'today')).toEqual({ status: 'too-few' });
    expect(buildCompareModel([{ id: 1, plan: fast }], index, 'today')).toEqual({ status: 'too-few' });
  });

  it('projects every plan and compares each with the first, exactly as the engine does', () => {
    const model = buildCompareModel(
      [
        { id: 1, plan: fast },
        { id: 2, plan: degree },
        { id: 3, plan: ladder },
      ],
      index,
      'today',
    );
    if (model.status !== 'ok') throw new Error(model.status);
    expect(model.plans.map((p) => [p.id, p.position, p.style.letter, p.label])).toEqual([
      [1, 0, 'A', 'CMAA fast track'],
      [2, 1, 'B', 'Associate degree first'],
      [3, 2, 'C', 'Medical Assistant to Medical Office Coordinator'],
    ]);
    const a = projectPlan(fast, pack);
    expect(model.plans[0]!.projection).toEqual(a);
    for (const [i, plan] of [degree, ladder].entries()) {
      const b = projectPlan(plan, pack);
      const pair = model.pairs[i]!;
      expect(pair.comparison).toEqual(comparePlans(a, b));
      expect(pair.sentences).toEqual(
        comparisonSentences(pair.comparison, a, b, {
          labelA: '“CMAA fast track”',
          labelB: `“${model.plans[i + 1]!.label}”`,
        }),
      );
    }
    expect(model.axis).toEqual({ labels: a.years.map((y) => String(y.year)), calendar: true });
    expect(model.notes).toEqual([]);
  });

  it('shows every plan in the dollars asked for, whatever each plan says', () => {
    const nominalFast = withDollars(fast, 'nominal');
    const model = buildCompareModel(
      [
        { id: 1, plan: nominalFast },
        { id: 2, plan: degree },
      ],
      index,
      'today',
    );
    if (model.status !== 'ok') throw new Error(model.status);
    expect(model.plans.every((p) => p.projection.dollars === 'today')).toBe(true);
    // No "not like for like" note: the screen made them alike.
    expect(model.notes).toEqual([]);
    const nominal = buildCompareModel(
      [
        { id: 1, plan: fast },
        { id: 2, plan: degree },
      ],
      index,
      'nominal',
    );
    if (nominal.status !== 'ok') throw new Error(nominal.status);
    expect(nominal.plans[1]!.projection).toEqual(projectPlan(withDollars(degree, 'nominal'), pack));
    expect(defaultDollars([nominalFast, degree])).toBe('nominal');
    expect(defaultDollars([degree, nominalFast])).toBe('today');
    expect(defaultDollars([])).toBe('today');
    expect(plansWithOtherDollars([{ plan: nominalFast }, { plan: degree }], 'today')).toEqual([
      { plan: nominalFast },
    ]);
  });

  it('refuses plans in different currencies with a plain sentence', () => {
    const uk = fromTemplate('front-desk-to-lead-moa', { place: 'GB', name: 'U.K. plan' });
    const model = buildCompareModel(
      [
        { id: 1, plan: fast },
        { id: 2, plan: uk },
      ],
      index,
      'today',
    );
    expect(model.status).toBe('currencies');
    if (model.status !== 'currencies') return;
    expect(model.message).toBe(
      "“CMAA fast track” is in USD and “U.K. plan” is in GBP. Plans in different currencies can't be compared directly: " +
        'their pay comes from different sources and the app has no exchange rates. Pick plans in one currency.',
    );
  });

  it('says so when a plan cannot be worked out', () => {
    const broken: Plan = { ...fast, start: { ...fast.start, role: 'no-such-role' } };
    const model = buildCompareModel(
      [
        { id: 1, plan: fast },
        { id: 2, plan: broken },
      ],
      index,
      'today',
    );
    expect(model.status).toBe('error');
  });

  it('lines plans up by year of plan when they start in different years, and keeps the engine’s notes', () => {
    const later = fromTemplate('associate-degree-first', { startYear: 2028 });
    const model = buildCompareModel(
      [
        { id: 1, plan: fast },
        { id: 2, plan: later },
      ],
      index,
      'today',
    );
    if (model.status !== 'ok') throw new Error(model.status);
    expect(model.axis.calendar).toBe(false);
    expect(model.axis.labels[0]).toBe('Year 1');
    expect(model.notes[0]).toMatch(/start in different years \(2026 and 2028\)/);
  });
});

describe('compareRows', () => {
  const model = buildCompareModel(
    [
      { id: 1, plan: fast },
      { id: 2, plan: { ...degree, years: 6 } },
    ],
    index,
    'today',
  );
  if (model.status !== 'ok') throw new Error(model.status);
  const a = projectPlan(fast, pack);
  const b = projectPlan({ ...degree, years: 6 }, pack);
  const comparison = comparePlans(a, b);

  it('gives each plan’s money so far and its difference from A, the engine’s figures', () => {
    const rows = compareRows(model, 'net');
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.cells[0]!.value)).toEqual(a.years.map((y) => y.cumulativeNet));
    expect(rows.map((r) => r.cells[1]!.value)).toEqual([
      ...b.years.map((y) => y.cumulativeNet),
      null,
      null,
      null,
      null,
    ]);
    expect(rows.map((r) => r.cells[1]!.difference)).toEqual([
      ...comparison.years.map((y) => y.cumulativeNetDifference),
      null,
      null,
      null,
      null,
    ]);
    expect(rows.every((r) => r.cells[0]!.difference === null)).toBe(true);
    expect(rows.filter((r) => r.milestone).map((r) => r.index)).toEqual([4, 9]);
    expect(rows[7]!.years).toEqual([2033, null]);
  });

  it('gives salaries with their ranges', () => {
    const rows = compareRows(model, 'salary');
    expect(rows.map((r) => [r.cells[0]!.value, r.cells[0]!.low, r.cells[0]!.high])).toEqual(
      a.years.map((y) => [y.salary, y.salaryLow, y.salaryHigh]),
    );
    expect(rows.slice(0, 6).map((r) => r.cells[1]!.difference)).toEqual(
      comparison.years.map((y) => y.salaryDifference),
    );
  });
});

describe('words', () => {
  const row = (index: number, difference: number, yearB = 2026 + index) => ({
    year: 2026 + index,
    yearB,
    index,
    salaryA: 0,
    salaryB: 0,
    salaryDifference: 0,
    cumulativeNetA: 0,
    cumulativeNetB: difference,
    cumulativeNetDifference: difference,
  });
  const comparison = (differences: number[], breakEvenYear: number | null, shift = 0): Comparison => ({
    nameA: 'A',
    nameB: 'B',
    currency: 'USD',
    years: differences.map((d, i) => row(i, d, 2026 + i + shift)),
    breakEvenYear,
    after5: null,
    after10: null,
    notes: [],
  });

  it('says the break-even year as the engine gives it', () => {
    expect(breakEvenText(comparison([-5, -1, 2], 2028))).toBe('2028');
    expect(breakEvenText(comparison([3, -1, 2], 2026))).toBe('2026 (from the first year)');
    expect(breakEvenText(comparison([-3, -1, -2], null))).toBe('Not within the 3 years compared');
    expect(breakEvenText(comparison([-3], null))).toBe('Not within the 1 year compared');
    expect(breakEvenText(comparison([-5, -1, 2], 2028, 2))).toBe('2028 (year 3)');
  });

  it('finds the year from which B stays level or ahead', () => {
    expect(aheadFrom(comparison([3, -1, 2, 4], 2026))?.year).toBe(2028);
    expect(aheadFrom(comparison([3, 1, 2], 2026))?.year).toBe(2026);
    expect(aheadFrom(comparison([3, 1, -2], 2026))).toBeNull();
    const shifted = comparison([-1, 0, 2], 2027, 3);
    expect(comparedYearText(shifted, aheadFrom(shifted)!)).toBe('2027 (year 2)');
  });

  it('labels, quotes, money with a sign, and summaries', () => {
    expect(seriesLabels(['Alpha', 'Beta'])).toEqual(['Alpha', 'Beta']);
    expect(seriesLabels(['Same', ' same ', 'Other', ''])).toEqual(['Plan A', 'Plan B', 'Other', 'Plan D']);
    expect(quoted('Plan B')).toBe('Plan B');
    expect(quoted('CMAA fast track')).toBe('“CMAA fast track”');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
    expect(formatSignedMoney(6200)).toBe('+$6,200');
    expect(formatSignedMoney(-1250.4)).toBe('−$1,250');
    expect(formatSignedMoney(0)).toBe('$0');
    expect(formatSignedMoney(null)).toBe('—');
    expect(leadText(6200, 'USD', 'A', 'B')).toBe('B ahead by $6,200');
    expect(leadText(-10, 'USD', 'A', 'B')).toBe('A ahead by $10');
    expect(leadText(0, 'USD', 'A', 'B')).toBe('Even');
    expect(netAfter(projectPlan(fast, pack), 5)).toBe(projectPlan(fast, pack).years[4]!.cumulativeNet);
    expect(netAfter(projectPlan({ ...fast, years: 3, steps: [] }, pack), 5)).toBeNull();
    expect(
      seriesChartSummary(
        'yearly salary',
        'today',
        { labels: ['2026', '2027'], calendar: true },
        [
          { label: 'A', values: [100, 200] },
          { label: 'B', values: [null, null] },
        ],
        'USD',
      ),
    ).toBe(
      "Line chart of yearly salary in today's dollars, 2026 to 2027. A: $100 in the first year, $200 in the last; B: no figures. The table below lists every year.",
    );
    expect(axisFor([])).toEqual({ labels: [], calendar: false });
  });

  it('gives every series its own dash pattern and point shape', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.dash.join(','))).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.point)).size).toBe(SERIES_STYLES.length);
    expect(seriesStyle(5).letter).toBe('A');
    expect(seriesStyle(-1).letter).toBe('E');
    expect(svgDash([])).toBeUndefined();
    expect(svgDash([9, 5])).toBe('9 5');
  });
});
