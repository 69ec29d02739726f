/**
 * The bundled data pack: it validates, it is exactly what data/raw + data/guides build, the
 * guides' figures are in it as printed, the wage rows match the raw BLS files, and a broken
 * pack is rejected with the field named. Expected figures below are typed from the guides and
 * the raw CSVs, not from the builder, so a wrong transcription or a parsing slip fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataPack } from '../../shared/datapack/check-pack';
import type { DataPack, Role } from '../../shared/datapack/schema';
import { buildDataPack, serializeDataPack } from '../../scripts/data-pack/build';
import { CsvError, parseCsv, parseCsvRecords } from '../../scripts/data-pack/csv';
import { readDataPackInputs } from '../../scripts/data-pack/read-inputs';
import { percentDifference } from '../../scripts/data-pack/wages';

const repoRoot = join(__dirname, '..', '..');
const packText = readFileSync(join(repoRoot, 'data', 'pack.json'), 'utf8');
const pack = JSON.parse(packText) as DataPack;

const role = (id: string): Role => {
  const found = pack.roles.find((r) => r.id === id);
  if (!found) throw new Error(`no role ${id}`);
  return found;
};
const wage = (soc: string, placeId: string, year: number) =>
  pack.wages.find((w) => w.soc === soc && w.placeId === placeId && w.year === year);
/** A fresh deep copy to break. */
const copy = (): DataPack => JSON.parse(packText) as DataPack;
const problemsOf = (input: unknown) => {
  const checked = checkDataPack(input);
  if (checked.ok) throw new Error('expected the pack to be rejected');
  return checked.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('the committed data pack', () => {
  it('passes the schema and the cross-reference checks', () => {
    const checked = checkDataPack(pack);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('is byte-identical to a rebuild from data/raw and data/guides', () => {
    const rebuilt = serializeDataPack(buildDataPack(readDataPackInputs(repoRoot)));
    expect(rebuilt).toBe(packText);
  });

  it('has the identity and the date convention stated in the report', () => {
    expect(pack.format).toBe('pathway-planner/datapack');
    expect(pack.version).toBe('2026.11.1');
    expect(pack.dataAsOf).toBe('2025-05-01');
  });
});

describe('ladders as the guides print them', () => {
  // [role id, track, SOC, years min, years max, US median, US average]: the guides' tables.
  const ladder: Array<[string, string, string, number, number | null, number, number]> = [
    ['junior-medical-office-assistant', 'medical-office', '43-6013', 0, 1, 36000, 38000],
    ['medical-office-assistant', 'medical-office', '43-6013', 1, 3, 42000, 44000],
    ['senior-medical-office-assistant', 'medical-office', '43-6013', 3, 6, 48000, 50000],
    ['lead-medical-office-assistant', 'medical-office', '43-6013', 6, null, 55000, 57000],
    ['medical-assistant', 'medical-assistant', '31-9092', 0, 2, 42000, 45000],
    ['senior-medical-assistant', 'medical-assistant', '31-9092', 2, 4, 49000, 52000],
    ['lead-medical-assistant', 'medical-assistant', '31-9092', 4, 7, 55000, 58000],
    ['medical-office-coordinator', 'medical-assistant', '31-9092', 7, null, 59000, 62000],
  ];

  it.each(ladder)('%s', (id, trackId, soc, min, max, median, average) => {
    const r = role(id);
    const guide = trackId === 'medical-office' ? 'guide-medical-office-assistant' : 'guide-medical-assistant';
    expect(r.trackId).toBe(trackId);
    expect(r.soc).toBe(soc);
    expect(r.typicalYears).toEqual({ min, max, sourceId: guide });
    expect(r.medianPay).toEqual({ value: median, sourceId: guide });
    expect(r.averagePay).toEqual({ value: average, sourceId: guide });
  });

  it('orders each ladder from entry to top and links each step to the next', () => {
    for (const trackId of ['medical-office', 'medical-assistant']) {
      const ids = ladder.filter(([, t]) => t === trackId).map(([id]) => id);
      expect(pack.tracks.find((t) => t.id === trackId)?.roleIds).toEqual(ids);
      ids.slice(0, -1).forEach((id, i) => expect(role(id).nextRoleIds).toContain(ids[i + 1]));
    }
  });

  it('gives the medical administrative assistant the guide’s ZipRecruiter average and the OEWS May 2025 median', () => {
    const r = role('medical-administrative-assistant');
    expect(r.soc).toBe('43-6013');
    expect(r.averagePay).toEqual({ value: 44460, sourceId: 'ziprecruiter-2025-via-maa-guide' });
    expect(r.medianPay).toEqual({ value: 45930, sourceId: 'bls-oews-national-2025' });
  });

  it('gives the moves the OEWS May 2025 national median of their SOC, and the emerging roles no pay', () => {
    const moves: Array<[string, string, number]> = [
      ['medical-billing-and-coding-specialist', '29-2072', 51140],
      ['medical-records-specialist', '29-2072', 51140],
      ['medical-billing-specialist', '43-3021', 48500],
      ['medical-office-manager', '43-1011', 69500],
      ['healthcare-administrator', '11-9111', 123860],
      ['licensed-practical-nurse', '29-2061', 64400],
      ['phlebotomist', '31-9097', 45230],
    ];
    for (const [id, soc, median] of moves) {
      expect(role(id).soc).toBe(soc);
      expect(role(id).medianPay).toEqual({ value: median, sourceId: 'bls-oews-national-2025' });
    }
    const emerging = pack.roles.filter((r) => r.trackId === 'emerging-specializations');
    expect(emerging.map((r) => r.id)).toContain('virtual-care-coordinator');
    for (const r of emerging) expect([r.soc, r.medianPay, r.averagePay]).toEqual([null, null, null]);
  });

  it('requires the bridge program and the licence for the LPN role', () => {
    expect(role('licensed-practical-nurse').requires).toEqual({
      certificationIds: ['nclex-pn'],
      programIds: ['ma-to-lpn-bridge'],
    });
  });
});

describe('wage rows against the raw BLS files', () => {
  it('carries the May 2025 national 31-9092 row', () => {
    expect(wage('31-9092', 'US', 2025)).toEqual({
      soc: '31-9092',
      placeId: 'US',
      year: 2025,
      mean: 46120,
      p10: 36050,
      p25: 38470,
      median: 45690,
      p75: 49180,
      p90: 59310,
      sourceId: 'bls-oews-national-2025',
    });
  });

  it('carries a May 2025 state percentile row (California, 31-9092) with no mean', () => {
    expect(wage('31-9092', 'US-CA', 2025)).toEqual({
      soc: '31-9092',
      placeId: 'US-CA',
      year: 2025,
      mean: null,
      p10: 39290,
      p25: 46240,
      median: 49660,
      p75: 61870,
      p90: 77300,
      sourceId: 'bls-oews-state-2025',
    });
  });

  it('carries a May 2023 state mean row (Alabama, 43-6013) with no percentiles', () => {
    expect(wage('43-6013', 'US-AL', 2023)).toEqual({
      soc: '43-6013',
      placeId: 'US-AL',
      year: 2023,
      mean: 37280,
      p10: null,
      p25: null,
      median: null,
      p75: null,
      p90: null,
      sourceId: 'bls-oews-state-2023',
    });
  });

  it('keeps a withheld cell as null, not zero (31-9097, DC, May 2023)', () => {
    expect(wage('31-9097', 'US-DC', 2023)?.mean).toBeNull();
  });

  it('matches every row of the national file (read here with a plain split: that file has no quotes)', () => {
    const [header, ...lines] = readFileSync(
      join(repoRoot, 'data', 'raw', 'oews_national_2022_2025.csv'),
      'utf8',
    )
      .trim()
      .split(/\r?\n/);
    const col = header.split(',');
    expect(lines).toHaveLength(32);
    for (const line of lines) {
      const cell = (name: string) => line.split(',')[col.indexOf(name)];
      const w = wage(cell('soc_code'), 'US', Number(cell('year')));
      expect(w, line).toBeDefined();
      expect([w?.mean, w?.p10, w?.p25, w?.median, w?.p75, w?.p90]).toEqual(
        ['a_mean', 'a_pct10', 'a_pct25', 'a_median', 'a_pct75', 'a_pct90'].map((name) => Number(cell(name))),
      );
    }
  });

  it('has one row per national, state-2025 and state-2023 record (state files’ U.S. rows not repeated)', () => {
    // 32 national + (219 − 4 U.S.) state 2025 + 430 state 2023.
    expect(pack.wages).toHaveLength(32 + 215 + 430);
    expect(pack.wages.filter((w) => w.placeId === 'US')).toHaveLength(32);
  });
});

describe('places, prices, settings, certifications, programs', () => {
  it('has the nation, 50 states and DC with FIPS codes, and the three territories', () => {
    const states = pack.places.filter((p) => p.kind === 'state');
    expect(states).toHaveLength(51);
    expect(pack.places.find((p) => p.id === 'US-CA')).toMatchObject({
      name: 'California',
      fips: '06',
      currency: 'USD',
    });
    expect(pack.places.find((p) => p.id === 'US-DC')).toMatchObject({ kind: 'state', fips: '11' });
    expect(pack.places.filter((p) => p.kind === 'territory').map((p) => [p.id, p.fips])).toEqual([
      ['US-GU', '66'],
      ['US-PR', '72'],
      ['US-VI', '78'],
    ]);
  });

  it('keeps each country in its own currency and the guides’ ranges unconverted', () => {
    const currencies = Object.fromEntries(
      pack.places.filter((p) => p.kind === 'country').map((p) => [p.id, p.currency]),
    );
    expect(currencies).toEqual({
      AU: 'AUD',
      CA: 'CAD',
      DE: 'EUR',
      ES: 'EUR',
      GB: 'GBP',
      IT: 'EUR',
      MX: 'MXN',
      TH: 'THB',
    });
    const pay = (placeId: string, trackId: string) =>
      pack.countryPay.find((c) => c.placeId === placeId && c.trackId === trackId);
    expect(pay('CA', 'medical-office')).toMatchObject({ currency: 'CAD', min: 38000, max: 55000 });
    expect(pay('CA', 'medical-assistant')).toMatchObject({ currency: 'CAD', min: 40000, max: 55000 });
    expect(pay('DE', 'medical-assistant')).toMatchObject({ currency: 'EUR', min: 30000, max: 40000 });
    expect(pay('MX', 'medical-assistant')).toMatchObject({ currency: 'MXN', min: 120000, max: 180000 });
  });

  it('names the MAA guide’s top-paying cities under their states, with the pay it prints', () => {
    expect(pack.places.find((p) => p.id === 'US-CA-soledad')).toMatchObject({
      kind: 'city',
      parentId: 'US-CA',
    });
    expect(pack.places.find((p) => p.id === 'US-CA-soledad')?.note).toContain('$66,508');
    expect(pack.places.find((p) => p.id === 'US-AK-nome')?.note).toContain('$55,153');
  });

  it('has BEA 2024 price levels for the U.S., 50 states and DC', () => {
    expect(pack.priceLevels).toHaveLength(52);
    expect(pack.priceLevels.find((p) => p.placeId === 'US-CA')).toEqual({
      placeId: 'US-CA',
      year: 2024,
      rppAllItems: 110.72,
      sourceId: 'bea-rpp-2024',
    });
  });

  it('pairs each setting median with the national median of the same release', () => {
    const physicians = pack.settings.find((s) => s.id === '621100');
    expect(physicians?.medians).toContainEqual({
      soc: '31-9092',
      year: 2025,
      median: 45520,
      nationalMedian: 45690,
      sourceId: 'bls-ooh-industry-pay-2025',
    });
    const sector = pack.settings.find((s) => s.id === '62');
    expect(sector?.medians).toContainEqual({
      soc: '31-9092',
      year: 2024,
      median: 44080,
      nationalMedian: 44200,
      sourceId: 'bls-oews-national-sector-2024',
    });
    expect(pack.settings.find((s) => s.id === 'all')?.medians).toEqual([]);
  });

  it('derives the CMA and CPC pay changes from the survey rows and assumes 0 elsewhere', () => {
    expect(percentDifference(29889, 27914)).toBe(7.1);
    const cert = (id: string) => pack.certifications.find((c) => c.id === id);
    expect(cert('cma')?.payChangePct).toEqual({ value: 7.1, sourceId: 'aama-compensation-2013' });
    expect(cert('cpc')?.payChangePct).toEqual({ value: 14.5, sourceId: 'aapc-salary-survey-2010' });
    expect(cert('cma')?.renewalMonths).toEqual({
      value: 60,
      sourceId: 'guide-medical-administrative-assistant',
    });
    expect(cert('cma')?.prerequisites.anyOfProgramIds).toEqual([
      'medical-assistant-certificate',
      'medical-assistant-associate',
    ]);
    expect(cert('cmaa')?.payChangePct).toMatchObject({ value: 0 });
    expect(cert('cmaa')?.payChangePct).toHaveProperty('assumption');
    for (const id of ['cmaa', 'cma', 'rma', 'ccma', 'cpc', 'cmom', 'bls-cpr'])
      expect(cert(id), id).toBeDefined();
  });

  it('has program durations and costs as printed', () => {
    const program = (id: string) => pack.programs.find((p) => p.id === id);
    expect(program('medical-assistant-certificate')).toMatchObject({
      durationMonths: { min: 9, max: 12 },
      cost: { min: 5000, max: 20000 },
    });
    expect(program('medical-office-assistant-certificate')).toMatchObject({
      durationMonths: { min: 6, max: 12 },
      cost: { min: 5000, max: 15000 },
    });
    expect(program('medical-office-assistant-associate')?.cost).toMatchObject({ min: 20000, max: 50000 });
    expect(program('continuing-education-course')?.cost).toMatchObject({ min: 50, max: 300 });
  });

  it('marks every default as an assumption with a reason', () => {
    for (const figure of Object.values(pack.defaults)) {
      expect(figure).not.toHaveProperty('sourceId');
      expect(figure).toHaveProperty('assumption');
    }
    expect(pack.defaults.hoursPerWeek.value).toBe(40);
  });
});

describe('a broken pack is rejected with the field named', () => {
  it('role with an unknown source', () => {
    const broken = copy();
    broken.roles[3].sourceId = 'foo';
    expect(problemsOf(broken)).toContain('$.roles[3].sourceId: unknown source "foo"');
  });

  it('wage row with a string value', () => {
    const broken = copy() as unknown as { wages: Array<Record<string, unknown>> };
    broken.wages[5].median = '45690';
    expect(problemsOf(broken).some((p) => p.startsWith('$.wages[5].median:'))).toBe(true);
  });

  it('missing field', () => {
    const broken = copy() as unknown as { roles: Array<Record<string, unknown>> };
    delete broken.roles[0].title;
    expect(problemsOf(broken).some((p) => p.startsWith('$.roles[0].title:'))).toBe(true);
  });

  it('unknown track, next role, program and certification', () => {
    const broken = copy();
    broken.roles[0].nextRoleIds = ['no-such-role'];
    broken.roles[1].requires.programIds = ['no-such-program'];
    broken.certifications[0].trackIds = ['no-such-track'];
    broken.programs[0].qualifiesForCertificationIds = ['no-such-cert'];
    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        '$.roles[0].nextRoleIds[0]: unknown role "no-such-role"',
        '$.roles[1].requires.programIds[0]: unknown program "no-such-program"',
        '$.certifications[0].trackIds[0]: unknown track "no-such-track"',
        '$.programs[0].qualifiesForCertificationIds[0]: unknown certification "no-such-cert"',
      ]),
    );
  });

  it('duplicate ids, a track listing another track’s role, and a SOC without U.S. wages', () => {
    const broken = copy();
    broken.programs[1].id = broken.programs[0].id;
    const office = broken.tracks.findIndex((t) => t.id === 'medical-office');
    broken.tracks[office].roleIds.push('medical-assistant');
    const coordinator = broken.roles.findIndex((r) => r.id === 'medical-office-coordinator');
    broken.roles[coordinator].soc = '29-1141';
    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining([
        `$.programs[1].id: duplicate program id "${broken.programs[0].id}"`,
        `$.tracks[${office}].roleIds[4]: role "medical-assistant" belongs to track "medical-assistant", not "medical-office"`,
        `$.roles[${coordinator}].soc: no U.S. wage row for SOC 29-1141`,
      ]),
    );
  });

  it('a city with an unknown parent, converted country pay, and a setting median of another release', () => {
    const broken = copy();
    const city = broken.places.findIndex((p) => p.kind === 'city');
    broken.places[city].parentId = 'US-ZZ';
    broken.countryPay[0].currency = 'USD';
    const physicians = broken.settings.findIndex((s) => s.id === '621100');
    broken.settings[physicians].medians[0].nationalMedian = 42000;
    const problems = problemsOf(broken);
    expect(problems).toContain(`$.places[${city}].parentId: unknown place "US-ZZ"`);
    expect(problems.some((p) => p.startsWith('$.countryPay[0].currency:'))).toBe(true);
    expect(problems.some((p) => p.startsWith(`$.settings[${physicians}].medians[0].nationalMedian:`))).toBe(
      true,
    );
  });
});

describe('the CSV reader', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields, and reads CRLF', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('keeps empty fields and reads a last line without a line break', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('rejects an unterminated quote and a ragged row', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(CsvError);
    expect(() => parseCsvRecords('a,b\n1,2,3\n')).toThrow(/3 fields, header has 2/);
  });

  it('rejoins an unquoted comma in the last column only when asked', () => {
    expect(parseCsvRecords('a,notes\n1,x,y\n', { overflowIntoLastColumn: true })).toEqual([
      { a: '1', notes: 'x,y' },
    ]);
  });

  it('reads the quoted sector titles of the sector file', () => {
    const rows = parseCsvRecords(
      readFileSync(join(repoRoot, 'data', 'raw', 'oews_national_sector_2024.csv'), 'utf8'),
    );
    expect(rows.find((r) => r.naics === '54' && r.soc_code === '31-9092')?.naics_title).toBe(
      'Professional, Scientific, and Technical Services',
    );
  });
});
