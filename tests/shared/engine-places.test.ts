/**
 * Place and setting factors checked against numbers read straight from the raw BLS CSVs and
 * computed here by hand, so a mistake in the pack builder or the index would show.
 */
import { describe, expect, it } from 'vitest';
import { indexDataPack, projectPlan } from '../../shared/engine';
import type { Plan } from '../../shared/plan/schema';
import { fixturePack, packs, realPack } from './fixtures/packs';
import { csvNumber } from './fixtures/raw-csv';

const flat = { inflationPct: 0, realRaisePct: 0, dollars: 'today', band: 'p25-p75' } as const;

function plan(role: string, place: string, setting = 'all', steps: Plan['steps'] = [], years = 1): Plan {
  return {
    name: 'place',
    startYear: 2026,
    years,
    start: { role, place, setting, hoursPerWeek: 40 },
    steps,
    assumptions: flat,
  };
}

const STATE_2025 = 'oews_state_2025_percentiles.csv';
const STATE_2023 = 'oews_state_2023_means.csv';
const NATIONAL = 'oews_national_2022_2025.csv';

describe.each(packs)('place and setting factors (%s)', (_label, pack) => {
  const index = indexDataPack(pack);

  it('MA in California (2025 medians): 42,000 × CA median ÷ U.S. median', () => {
    const ca = csvNumber(STATE_2025, { soc_code: '31-9092', area_code: '06' }, 'a_median');
    const us = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_median');
    expect([ca, us]).toEqual([49660, 45690]);
    const year = projectPlan(plan('medical-assistant', 'US-CA'), index).years[0]!;
    expect(year.salary).toBe(Math.round((42000 * ca) / us));
    expect(year.factors.place).toBeCloseTo(ca / us, 12);
    expect(year.factors.placeSourceId).not.toBeNull();
    expect(year.warnings).toEqual([]);
  });

  it('MOA in Texas (no 2025 state median for 43-6013): 2023 state mean ÷ 2023 U.S. mean', () => {
    const tx = csvNumber(STATE_2023, { soc_code: '43-6013', area_code: '48' }, 'a_mean');
    const us = csvNumber(NATIONAL, { soc_code: '43-6013', year: '2023' }, 'a_mean');
    const year = projectPlan(plan('medical-office-assistant', 'US-TX'), index).years[0]!;
    expect(year.salary).toBe(Math.round((42000 * tx) / us));
  });

  it('MA in Puerto Rico (a territory) uses the same rule as a state', () => {
    const pr = csvNumber(STATE_2025, { soc_code: '31-9092', area_code: '72' }, 'a_median');
    const us = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_median');
    expect(projectPlan(plan('medical-assistant', 'US-PR'), index).years[0]!.salary).toBe(
      Math.round((42000 * pr) / us),
    );
  });

  it("MA in physicians' offices (621100): 42,000 × setting median ÷ national median of the newest OOH release", () => {
    const setting = csvNumber(
      'ooh_industry_median_wages.csv',
      {
        soc_code: '31-9092',
        reference_period: 'May 2025',
        industry_as_labelled_by_ooh: 'Offices of physicians',
      },
      'annual_median_wage',
    );
    const national = csvNumber(
      'ooh_industry_median_wages.csv',
      {
        soc_code: '31-9092',
        reference_period: 'May 2025',
        industry_as_labelled_by_ooh: 'Offices of physicians',
      },
      'national_annual_median_wage',
    );
    expect([setting, national]).toEqual([45520, 45690]);
    const year = projectPlan(plan('medical-assistant', 'US', '621100'), index).years[0]!;
    expect(year.salary).toBe(Math.round((42000 * setting) / national));
    expect(year.factors.setting).toBeCloseTo(setting / national, 12);
  });

  it('MOA in the health care sector (62, OEWS 2024): sector median ÷ national median of the same release', () => {
    const sector = csvNumber(
      'oews_national_sector_2024.csv',
      { soc_code: '43-6013', naics: '62' },
      'a_median',
    );
    const national = csvNumber(NATIONAL, { soc_code: '43-6013', year: '2024' }, 'a_median');
    expect(projectPlan(plan('medical-office-assistant', 'US', '62'), index).years[0]!.salary).toBe(
      Math.round((42000 * sector) / national),
    );
  });

  it('state and setting multiply: MA in California hospitals', () => {
    const ca = csvNumber(STATE_2025, { soc_code: '31-9092', area_code: '06' }, 'a_median');
    const us = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_median');
    const hospitals = csvNumber(
      'ooh_industry_median_wages.csv',
      {
        soc_code: '31-9092',
        reference_period: 'May 2025',
        industry_as_labelled_by_ooh: 'Hospitals; state, local, and private',
      },
      'annual_median_wage',
    );
    expect(projectPlan(plan('medical-assistant', 'US-CA', '622000'), index).years[0]!.salary).toBe(
      Math.round(((42000 * ca) / us) * (hospitals / 45690)),
    );
  });

  it('a city uses its state factor and says so', () => {
    const city = projectPlan(plan('medical-assistant', 'US-CA-san-francisco'), index).years[0]!;
    const state = projectPlan(plan('medical-assistant', 'US-CA'), index).years[0]!;
    expect(city.salary).toBe(state.salary);
    expect(city.warnings.map((w) => w.code)).toEqual(['city-uses-state-data']);
    expect(city.warnings[0]!.message).toMatch(/San Francisco.*California/);
  });

  it('no setting data for the SOC: factor 1 and a warning', () => {
    const year = projectPlan(plan('medical-office-assistant', 'US', '621100'), index).years[0]!;
    expect(year.salary).toBe(42000);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-setting-data']);
  });

  it('the band is P25/median and P75/median (or P10/P90) of the newest national release', () => {
    const p25 = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_pct25');
    const p75 = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_pct75');
    const p10 = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_pct10');
    const p90 = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_pct90');
    const median = csvNumber(NATIONAL, { soc_code: '31-9092', year: '2025' }, 'a_median');
    const mid = projectPlan(plan('medical-assistant', 'US'), index).years[0]!;
    expect([mid.salaryLow, mid.salaryHigh]).toEqual([
      Math.round((42000 * p25) / median),
      Math.round((42000 * p75) / median),
    ]);
    const wide = projectPlan(
      { ...plan('medical-assistant', 'US'), assumptions: { ...flat, band: 'p10-p90' } },
      index,
    ).years[0]!;
    expect([wide.salaryLow, wide.salaryHigh]).toEqual([
      Math.round((42000 * p10) / median),
      Math.round((42000 * p90) / median),
    ]);
  });

  it("a country is priced from the guide's range: midpoint, with the range as the band, no OEWS factors", () => {
    const row = pack.countryPay.find(
      (r) =>
        r.placeId === 'GB' &&
        r.trackId === pack.roles.find((role) => role.id === 'medical-office-assistant')!.trackId,
    )!;
    const projection = projectPlan(plan('medical-office-assistant', 'GB', 'all', [], 2), index);
    expect(projection.currency).toBe('GBP');
    const year = projection.years[0]!;
    expect(year.salary).toBe((row.min + row.max) / 2);
    expect([year.salaryLow, year.salaryHigh]).toEqual([row.min, row.max]);
    expect(year.factors.baseSourceId).toBe(row.sourceId);
    expect(year.warnings).toEqual([]);
  });

  it('a setting abroad has no data: factor 1 and a warning', () => {
    const year = projectPlan(plan('medical-office-assistant', 'GB', '621100'), index).years[0]!;
    expect(year.salary).toBe(25000);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-setting-data']);
  });
});

describe('gaps only the fixture has', () => {
  const index = indexDataPack(fixturePack);

  it('a state with no rows for the SOC: factor 1 and no-place-data', () => {
    const year = projectPlan(plan('medical-assistant', 'US-WY'), index).years[0]!;
    expect(year.salary).toBe(42000);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-place-data']);
  });

  it('a country without a range for the track: 0 and no-pay-data', () => {
    const year = projectPlan(plan('medical-office-assistant', 'CA'), index).years[0]!;
    expect([year.salary, year.salaryLow, year.salaryHigh]).toEqual([0, 0, 0]);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-pay-data']);
  });
});

describe.runIf(realPack)('gaps in the real pack', () => {
  const index = indexDataPack(realPack!);

  it('phlebotomists have no Guam rows: factor 1 and no-place-data', () => {
    const year = projectPlan(plan('phlebotomist', 'US-GU'), index).years[0]!;
    expect(year.salary).toBe(realPack!.roles.find((r) => r.id === 'phlebotomist')!.medianPay!.value);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-place-data']);
  });

  it('Thailand has no range for the ladders: 0 and no-pay-data', () => {
    const year = projectPlan(plan('medical-assistant', 'TH'), index).years[0]!;
    expect(year.salary).toBe(0);
    expect(year.warnings.map((w) => w.code)).toEqual(['no-pay-data']);
  });
});
