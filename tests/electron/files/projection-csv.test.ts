/**
 * The CSV export: RFC 4180 with CRLF, UTF-8 with a byte-order mark, a header in plain words and
 * one row per year; numbers are plain numbers. Parsed back with papaparse, it is the projection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataPack } from '../../../electron/main/datapack/load-data-pack';
import { projectionCsv } from '../../../electron/main/export/projection-csv';
import { indexDataPack, projectPlan } from '../../../shared/engine/index';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { careerPlan, pathwayPlan } from '../../e2e/fixtures/report-plans';
import { useTempDirs } from '../helpers/temp-dir';
import { openFilesApp, type FilesApp } from './app-with-files';

const pack = loadDataPack();
const index = indexDataPack(pack);
const tempDir = useTempDirs();

function parse(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('projection CSV', () => {
  it('is the projection table, row for row, with plain numbers', () => {
    for (const plan of [pathwayPlan(), careerPlan()]) {
      const projection = projectPlan(plan, index);
      const [header, ...rows] = parse(projectionCsv(projection, index));
      expect(header).toEqual([
        'Year',
        'Role',
        'Place',
        'Work setting',
        'Hours per week',
        'Certifications held',
        "Salary (USD, today's dollars)",
        "Likely range low, 25th percentile (USD, today's dollars)",
        "Likely range high, 75th percentile (USD, today's dollars)",
        "Costs this year (USD, today's dollars)",
        "Earned so far after costs (USD, today's dollars)",
        'Notes',
      ]);
      expect(rows).toHaveLength(plan.years);
      rows.forEach((row, i) => {
        const y = projection.years[i]!;
        expect(row.slice(0, 5)).toEqual([
          String(y.year),
          index.roles.get(y.role)!.title,
          index.places.get(y.place)!.name,
          index.settings.get(y.setting)!.name,
          String(y.hoursPerWeek),
        ]);
        expect(row.slice(6, 11).map(Number)).toEqual([y.salary, y.salaryLow, y.salaryHigh, y.costs, y.cumulativeNet]);
        // No "$", no thousands separators, no decimals: a spreadsheet reads them as numbers.
        for (const cell of row.slice(6, 11)) expect(cell).toMatch(/^-?\d+$/);
      });
    }
  });

  it('is UTF-8 with a BOM and CRLF line ends, every record ended', () => {
    const text = projectionCsv(projectPlan(pathwayPlan(), index), index);
    expect(text.startsWith('\uFEFFYear,Role,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toHaveLength(1 + 10 + 1);
  });

  it('quotes what needs quoting and keeps spreadsheet formulas out', () => {
    const projection = projectPlan(pathwayPlan(), index);
    const tricky = {
      ...projection,
      years: projection.years.map((y, i) =>
        i === 0 ? { ...y, warnings: [{ code: 'unknown-id' as const, message: '=HYPERLINK("x", "a, b")', year: y.year }] } : y,
      ),
    };
    const [, first] = parse(projectionCsv(tricky, index));
    expect(first!.at(-1)).toBe(`'=HYPERLINK("x", "a, b")`);
  });
});

describe('export:csv', () => {
  let app: FilesApp;
  beforeEach(async () => {
    app = await openFilesApp(tempDir());
  });
  afterEach(() => app.services.close());

  it('writes the file the user chose, named after the plan, and equal to the projection', async () => {
    const stored = await app.call<ChannelOutput<'plans:create'>>('plans:create', { plan: pathwayPlan() });
    const folder = tempDir();
    app.dialogs.answerSave(join(folder, 'texas'));
    const saved = await app.call<ChannelOutput<'export:csv'>>('export:csv', { planId: stored.id });
    expect(saved).toEqual({ status: 'saved', path: join(folder, 'texas.csv'), fileName: 'texas.csv' });
    expect(app.dialogs.saves[0]).toMatchObject({
      defaultPath: 'Texas MA with certificate - year by year.csv',
      filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
    });
    const bytes = readFileSync(join(folder, 'texas.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(projectionCsv(projectPlan(stored.plan, index), index));
  });
});
