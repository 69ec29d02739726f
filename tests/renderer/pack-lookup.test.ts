import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { projectPlan } from '../../shared/engine/index';
import { newPlan } from '../../shared/plan/new-plan';
import { explainYear, sourcesUsed } from '../../renderer/src/features/planner/explain';
import { plannerOptions } from '../../renderer/src/features/planner/options';
import {
  createLookup,
  describeFigure,
  describeSource,
  placesGrouped,
  rolesByTrack,
  shortSource,
  sourceTag,
  typicalCost,
} from '../../renderer/src/features/planner/pack-lookup';
import {
  afterYears,
  bandLabel,
  cumulativeChartSummary,
  salaryChartSummary,
} from '../../renderer/src/features/planner/summaries';

const pack = loadDataPack();
const lookup = createLookup(pack);

describe('pickers', () => {
  it('groups every role under its track, in ladder order, each role once', () => {
    const groups = rolesByTrack(pack);
    const ids = groups.flatMap((g) => g.options.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(pack.roles.map((r) => r.id).sort());
    const ma = groups.find((g) => g.options.some((r) => r.id === 'medical-assistant'))!;
    expect(ma.options.map((r) => r.id).slice(0, 3)).toEqual([
      'medical-assistant',
      'senior-medical-assistant',
      'lead-medical-assistant',
    ]);
  });

  it('groups places: the U.S. first, then states, territories, cities, other countries', () => {
    const groups = placesGrouped(pack);
    expect(groups.map((g) => g.label)).toEqual([
      'Whole country',
      'U.S. states',
      'U.S. territories',
      'U.S. cities',
      'Other countries',
    ]);
    expect(groups[0]!.options.map((p) => p.id)).toEqual(['US']);
    const states = groups[1]!.options.map((p) => p.name);
    expect(states).toEqual([...states].sort((a, b) => a.localeCompare(b)));
    expect(groups.flatMap((g) => g.options)).toHaveLength(pack.places.length);
  });

  it('offers every certification and program once', () => {
    const options = plannerOptions(pack);
    const certs = options.certifications.flatMap((g) => g.options.map((o) => o.value));
    expect(certs.sort()).toEqual(pack.certifications.map((c) => c.id).sort());
    const programs = options.programs.flatMap((g) => g.options.map((o) => o.value));
    expect(programs.sort()).toEqual(pack.programs.map((p) => p.id).sort());
    expect(options.settings.map((s) => s.value)).toContain('all');
  });
});

describe('where figures come from', () => {
  it('describes a source by publisher, dataset and period, without the long asides', () => {
    const bls = lookup.source('bls-oews-national-2025');
    expect(describeSource(bls)).toBe(
      'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025',
    );
    expect(describeSource(undefined)).toBe('source not listed');
    expect(shortSource(bls)).toBe('U.S. Bureau of Labor Statistics');
    expect(shortSource(lookup.source('guide-medical-assistant'))).toBe('Medical Assistant Career Guide');
  });

  it('says "assumption" for a default nobody published', () => {
    expect(describeFigure(lookup, pack.defaults.realRaisePct)).toMatch(/^Assumption: /);
    const cma = pack.certifications.find((c) => c.id === 'cma')!;
    expect(describeFigure(lookup, cma.payChangePct)).toMatch(/Medical Assistants/);
  });

  it('gives the typical cost the engine uses when a step has none: the middle of the published range', () => {
    const cost = typicalCost(lookup, 'program', 'medical-assistant-certificate')!;
    expect(cost).toMatchObject({ min: 5000, max: 20000, typical: 12500, rangeText: '$5,000–$20,000' });
    expect(cost.source).toBe('Medical Assistant Career Guide');
    expect(cost.sourceTag).toBe('Himalayas guide');
    expect(sourceTag(lookup.source('bls-oews-national-2025'))).toBe('U.S. Bureau of Labor Statistics');
    expect(sourceTag(lookup.source('guide-medical-administrative-assistant'))).toBe('a career guide');
    const plan = newPlan(pack, {
      startYear: 2026,
      role: 'medical-assistant',
      steps: [{ type: 'program', program: 'medical-assistant-certificate', year: 2026 }],
    });
    expect(projectPlan(plan, pack).years[0]!.costs).toBe(cost.typical);
    expect(typicalCost(lookup, 'program', 'nope')).toBeNull();
  });
});

describe('explaining a projection', () => {
  const plan = newPlan(pack, {
    startYear: 2026,
    role: 'medical-assistant',
    place: 'US-TX',
    hoursPerWeek: 30,
    steps: [
      { type: 'program', program: 'medical-assistant-certificate', year: 2026 },
      { type: 'certification', certification: 'cma', year: 2027 },
    ],
  });
  const projection = projectPlan(plan, pack);

  it('lists each factor of a year with its source', () => {
    const rows = explainYear(lookup, projection, projection.years[2]!);
    expect(rows[0]).toMatchObject({ label: 'Medical Assistant, full-time pay', value: '$42,000' });
    expect(rows.find((r) => r.label === 'Place: Texas')?.source).toMatch(/Bureau of Labor Statistics/);
    expect(rows.find((r) => r.label.startsWith('Certifications'))?.label).toBe('Certifications: CMA (AAMA)');
    expect(rows.find((r) => r.label.startsWith('Hours'))?.value).toBe('× 0.75');
    expect(rows.find((r) => r.label === 'Raises in this role')?.source).toMatch(/^Assumption: /);
  });

  it('collects the sources behind the numbers', () => {
    const ids = sourcesUsed(lookup, projection);
    expect(ids).toContain('guide-medical-assistant');
    expect(ids).toContain('aama-compensation-2013');
    expect(ids.every((id) => lookup.source(id))).toBe(true);
  });

  it('summarises the charts in words', () => {
    const first = projection.years[0]!;
    const last = projection.years.at(-1)!;
    const text = salaryChartSummary(projection);
    expect(text).toContain(`in ${first.year}`);
    expect(text).toContain(`${last.year}`);
    expect(text).toContain("today's dollars");
    expect(text).toMatch(/rising to/);
    expect(cumulativeChartSummary(projection)).toMatch(/after \$\d/);
    expect(afterYears(projection, 5)?.year).toBe(2030);
    expect(afterYears(projection, 11)).toBeNull();
    expect(bandLabel('p10-p90').range).toBe('10th–90th percentile');
  });
});
