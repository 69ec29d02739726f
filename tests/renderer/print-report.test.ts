/** The print route's pure parts: reading its address, and what the report says. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { pageRule, parsePrintParams } from '../../renderer/src/features/print/print-params';
import { buildReport, datasetText, longDate, monthYear } from '../../renderer/src/features/print/report-model';
import { projectPlan } from '../../shared/engine/index';
import { careerPlan, pathwayPlan, stayPlan } from '../e2e/fixtures/report-plans';

const pack = loadDataPack();

describe('print.html', () => {
  it('carries the same content security policy as the app page', () => {
    const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'print.html'), 'utf8');
    expect(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('print params', () => {
  it('reads what main puts in the address', () => {
    expect(parsePrintParams('?planId=3&paper=a4&date=2026-05-04&student=Jordan%20Rivera&compareWithId=7')).toEqual({
      ok: true,
      value: { planId: 3, paper: 'a4', date: '2026-05-04', studentName: 'Jordan Rivera', compareWithId: 7 },
    });
    expect(parsePrintParams('?planId=3&date=2026-05-04')).toMatchObject({ ok: true, value: { paper: 'letter' } });
  });

  it.each(['?paper=a4&date=2026-05-04', '?planId=x&date=2026-05-04', '?planId=1&paper=legal&date=2026-05-04', '?planId=1', '?planId=1&date=2026-05-04&compareWithId=-1'])(
    'refuses %s',
    (search) => expect(parsePrintParams(search).ok).toBe(false),
  );

  it('sets the page box for the paper', () => {
    expect(pageRule('a4')).toBe('@page { size: A4; }');
    expect(pageRule('letter')).toBe('@page { size: letter; }');
  });
});

describe('report model', () => {
  it('says the plan as the planner table shows it, with totals that add up', () => {
    const model = buildReport({ plan: pathwayPlan(), pack, studentName: ' Jordan Rivera ', date: '2026-05-04' });
    const projection = projectPlan(pathwayPlan(), pack);
    expect(model.studentName).toBe('Jordan Rivera');
    expect(model.preparedOn).toBe('May 4, 2026');
    expect(model.dataAsOf).toBe('May 2025');
    expect(model.packVersion).toBe(pack.version);
    expect(model.rows).toHaveLength(10);
    expect(model.rows[0]).toMatchObject({ year: 2026, role: 'Medical Office Assistant', roleChanged: true, hasStep: true });
    expect(model.rows[0]!.salary).toBe(`$${projection.years[0]!.salary.toLocaleString('en-US')}`);
    expect(model.totals.earnings).toBe(`$${projection.totals.earnings.toLocaleString('en-US')}`);
    expect(model.pathway.map((p) => `${p.year} ${p.title}`)).toEqual([
      '2026 Start as Medical Office Assistant',
      '2026 Complete Medical assistant certificate or diploma (accredited program)',
      '2027 Earn CMA (Certified Medical Assistant)',
      '2027 Move to Medical Assistant',
      '2030 Move to Senior Medical Assistant',
      '2033 Work 36 hours a week',
    ]);
  });

  it('lists every assumption and every figure the plan overrides', () => {
    const model = buildReport({ plan: pathwayPlan(), pack, date: '2026-05-04' });
    expect(model.assumptions.filter((a) => a.changed).map((a) => a.label)).toEqual(['Yearly raise above inflation']);
    expect(model.assumptions.find((a) => a.changed)?.value).toBe('1.5% a year');
    expect(model.ownFigures).toEqual([
      expect.stringMatching(/^2027: Earn CMA \(Certified Medical Assistant\) costs \$300( \(the data pack's usual range is .*\))?$/),
      expect.stringMatching(/^2027: Earn CMA .* changes pay by \+4% \(the data pack's figure is \+[\d.]+%\)$/),
    ]);
  });

  it('cites every source the projection used, each with its date', () => {
    const model = buildReport({ plan: careerPlan(), pack, date: '2026-05-04' });
    const projection = projectPlan(careerPlan(), pack);
    const used = new Set(
      projection.years.flatMap((y) => [y.factors.baseSourceId, y.factors.placeSourceId, y.factors.settingSourceId, y.factors.bandSourceId]),
    );
    used.delete(null);
    for (const id of used) expect(model.sources.map((s) => s.id)).toContain(id);
    for (const source of model.sources) expect(source.period).not.toBe('');
  });

  it('compares with another plan using the shared sentences', () => {
    const model = buildReport({ plan: pathwayPlan(), compareWith: stayPlan(), pack, date: '2026-05-04' });
    expect(model.comparison?.otherName).toBe('Front desk, no program');
    expect(model.comparison?.sentences[0]).toMatch(/^After 5 years, /);
    expect(model.comparison?.breakEven).toMatch(/^Break-even: /);
    // Plans in two currencies cannot be compared: said, not thrown.
    const abroad = { ...stayPlan(), start: { ...stayPlan().start, place: 'GB' } };
    const other = buildReport({ plan: pathwayPlan(), compareWith: abroad, pack, date: '2026-05-04' });
    expect(other.comparison).toBeNull();
    expect(other.comparisonError).toMatch(/different currencies/);
  });

  it('merges a warning repeated in consecutive years into one line', () => {
    const model = buildReport({ plan: pathwayPlan(), pack, date: '2026-05-04' });
    const years = model.warnings.map((w) => w.years);
    expect(new Set(model.warnings.map((w) => w.message)).size).toBe(model.warnings.length);
    expect(years.every((y) => /^\d{4}(–\d{4})?$/.test(y))).toBe(true);
  });

  it('formats dates without a clock and keeps dataset names readable', () => {
    expect(longDate('2026-12-31')).toBe('December 31, 2026');
    expect(longDate('soon')).toBe('soon');
    expect(monthYear('2025-05-01')).toBe('May 2025');
    expect(
      datasetText('Occupational Employment and Wage Statistics (OEWS), national cross-industry estimates, national_M2025_dl.xlsx (oesm25nat.zip); NAICS 000000'),
    ).toBe('Occupational Employment and Wage Statistics (OEWS), national cross-industry estimates');
    expect(datasetText("OOH 'Pay' tab: wages (labels are OOH's; OOH uses OEWS data)")).toBe("OOH 'Pay' tab: wages");
  });
});
