/** Help: where each source is used, and the contents of "How projections work". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import type { DataPack } from '../../shared/datapack/schema';
import { headingsOf, plainText, slugify } from '../../renderer/src/features/help/markdown-toc';
import { sourceUsage, usageCount } from '../../renderer/src/features/help/source-usage';

const pack = loadDataPack();

describe('sourceUsage', () => {
  const usage = sourceUsage(pack);
  const items = (sourceId: string, group: string) =>
    usage.get(sourceId)?.find((g) => g.id === group)?.items ?? [];

  it('has an entry for every source; almost every source is cited by something', () => {
    expect([...usage.keys()]).toEqual(pack.sources.map((s) => s.id));
    const unused = [...usage].filter(([, groups]) => usageCount(groups) === 0).map(([id]) => id);
    // Only salary surveys kept as evidence that no figure rests on (their notes say why), e.g. the
    // 2019 AAMA report, which gives no non-CMA figure to compare with.
    expect(unused).toContain('aama-compensation-2019');
    for (const id of unused)
      expect(pack.sources.find((s) => s.id === id)?.dataset, id).toMatch(/Survey|Report/);
    expect(unused.length).toBeLessThan(pack.sources.length / 4);
  });

  it('names the roles, ladders and pathways a career guide backs', () => {
    const guide = pack.roles.find((r) => r.id === 'medical-assistant')!.sourceId;
    expect(items(guide, 'roles').find((i) => i.startsWith('Medical Assistant:'))).toMatch(/description/);
    expect(items(guide, 'ladders')).toContain('Medical assistant: the roles in order');
    expect(items(guide, 'pathways').some((i) => i.startsWith('Associate degree first'))).toBe(true);
  });

  it('counts wage figures per occupation and place, and price levels per place', () => {
    const state = items('bls-oews-state-2025', 'wages');
    expect(state.some((i) => /\(SOC 31-9092\) — \d+ places$/.test(i))).toBe(true);
    const national = items('bls-oews-national-2025', 'wages');
    expect(
      national.some((i) => /Medical Assistant.*\(SOC 31-9092\) — U\.S\. figures and pay ranges/.test(i)),
    ).toBe(true);
    const places = new Set(pack.priceLevels.map((p) => p.placeId)).size;
    expect(items('bea-rpp-2024', 'prices')).toEqual([
      `Regional price parities for ${places} places (2024), used in the Places screen's cost of living`,
    ]);
  });

  it('groups what an item uses a source for, and includes cited defaults and certifications', () => {
    const tiny: DataPack = {
      ...pack,
      sources: [...pack.sources, { ...pack.sources[0]!, id: 'unused-source' }],
      defaults: { ...pack.defaults, inflationPct: { value: 3, sourceId: 'bea-rpp-2024' } },
    };
    const u = sourceUsage(tiny);
    expect(u.get('unused-source')).toEqual([]);
    expect(u.get('bea-rpp-2024')!.find((g) => g.id === 'defaults')!.items).toEqual(['Inflation']);
    const cma = pack.certifications.find((c) => c.id === 'cma')!;
    if ('sourceId' in cma.payChangePct) {
      const certItems = u.get(cma.payChangePct.sourceId)!.find((g) => g.id === 'certifications')!.items;
      expect(certItems.find((i) => i.startsWith(`${cma.abbreviation} (`))).toMatch(/pay change/);
    }
  });
});

describe('markdown contents', () => {
  it('makes stable ids from heading text', () => {
    expect(slugify('Place (U.S. states, territories and cities)')).toBe(
      'place-us-states-territories-and-cities',
    );
    expect(slugify('Promotions (role steps): pay is never cut')).toBe(
      'promotions-role-steps-pay-is-never-cut',
    );
    expect(slugify('Dollars: today’s or future')).toBe('dollars-todays-or-future');
    expect(slugify('???')).toBe('section');
    expect(plainText('The `band` **low** and [high](x)')).toBe('The band low and high');
  });

  it('lists ## and ### headings outside code blocks', () => {
    const md = [
      '# Title',
      '## One',
      'text',
      '```',
      '## not a heading',
      '```',
      '### Two `x`',
      '#### Deep',
      '## Three ##',
    ].join('\n');
    expect(headingsOf(md)).toEqual([
      { level: 2, text: 'One', id: 'one' },
      { level: 3, text: 'Two x', id: 'two-x' },
      { level: 2, text: 'Three', id: 'three' },
    ]);
  });

  it('finds the sections of docs/how-projections-work.md, each with its own id', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'how-projections-work.md'), 'utf8');
    const headings = headingsOf(doc);
    expect(headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['The short version', 'The formula', 'Warnings']),
    );
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
  });
});
