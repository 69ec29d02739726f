/** `list <what>`: what the data pack offers, with ids to use in plan files and where each comes from. */
import type { DataPackIndex } from '../../shared/engine/data-pack-index';
import { formatWhole } from '../../shared/engine/money';
import type { Format, ListKind } from './args';
import type { Column } from './text-table';
import { renderTable } from './text-table';

interface Listing {
  columns: Column[];
  rows: string[][];
  json: unknown[];
}

const range = (r: { min: number; max: number } | null): string =>
  r ? `${formatWhole(r.min)}-${formatWhole(r.max)}` : '';

function source(
  index: DataPackIndex,
  id: string,
): { id: string; publisher: string; dataset: string; period: string; url?: string } | { id: string } {
  const s = index.sources.get(id);
  return s
    ? {
        id: s.id,
        publisher: s.publisher,
        dataset: s.dataset,
        period: s.period,
        ...(s.url ? { url: s.url } : {}),
      }
    : { id };
}

function listing(index: DataPackIndex, kind: ListKind): Listing {
  const { pack } = index;
  switch (kind) {
    case 'roles':
      return {
        columns: [
          { header: 'Id' },
          { header: 'Title' },
          { header: 'Track' },
          { header: 'SOC' },
          { header: 'Median pay (USD)', align: 'right' },
          { header: 'Source' },
        ],
        rows: pack.roles.map((r) => [
          r.id,
          r.title,
          r.trackId,
          r.soc ?? '',
          r.medianPay ? formatWhole(r.medianPay.value) : 'none',
          r.medianPay?.sourceId ?? r.sourceId,
        ]),
        json: pack.roles.map((r) => ({
          id: r.id,
          name: r.title,
          trackId: r.trackId,
          soc: r.soc,
          medianPay: r.medianPay?.value ?? null,
          typicalYears: r.typicalYears ? { min: r.typicalYears.min, max: r.typicalYears.max } : null,
          source: source(index, r.medianPay?.sourceId ?? r.sourceId),
        })),
      };
    case 'places':
      return {
        columns: [
          { header: 'Id' },
          { header: 'Name' },
          { header: 'Kind' },
          { header: 'Currency' },
          { header: 'Source' },
        ],
        rows: pack.places.map((p) => [p.id, p.name, p.kind, p.currency, p.sourceId]),
        json: pack.places.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          currency: p.currency,
          ...(p.parentId ? { parentId: p.parentId } : {}),
          source: source(index, p.sourceId),
        })),
      };
    case 'settings': {
      const sourcesOf = (s: (typeof pack.settings)[number]): string[] => [
        ...new Set(s.medians.map((m) => m.sourceId)),
      ];
      return {
        columns: [{ header: 'Id' }, { header: 'Name' }, { header: 'SOCs with data' }, { header: 'Sources' }],
        rows: pack.settings.map((s) => [
          s.id,
          s.name,
          s.id === 'all' ? 'all (factor 1)' : [...new Set(s.medians.map((m) => m.soc))].join(' '),
          sourcesOf(s).join(' '),
        ]),
        json: pack.settings.map((s) => ({
          id: s.id,
          name: s.name,
          socs: [...new Set(s.medians.map((m) => m.soc))],
          sources: sourcesOf(s).map((id) => source(index, id)),
        })),
      };
    }
    case 'certifications':
      return {
        columns: [
          { header: 'Id' },
          { header: 'Abbreviation' },
          { header: 'Name' },
          { header: 'Pay change %', align: 'right' },
          { header: 'Exam fee (USD)', align: 'right' },
          { header: 'Source' },
        ],
        rows: pack.certifications.map((c) => [
          c.id,
          c.abbreviation,
          c.name,
          String(c.payChangePct.value),
          range(c.cost),
          c.sourceId,
        ]),
        json: pack.certifications.map((c) => ({
          id: c.id,
          name: c.name,
          abbreviation: c.abbreviation,
          trackIds: c.trackIds,
          payChangePct: c.payChangePct,
          cost: c.cost ? { min: c.cost.min, max: c.cost.max } : null,
          source: source(index, c.sourceId),
        })),
      };
    case 'programs':
      return {
        columns: [
          { header: 'Id' },
          { header: 'Name' },
          { header: 'Kind' },
          { header: 'Months', align: 'right' },
          { header: 'Cost (USD)', align: 'right' },
          { header: 'Source' },
        ],
        rows: pack.programs.map((p) => [
          p.id,
          p.name,
          p.kind,
          range(p.durationMonths),
          range(p.cost),
          p.sourceId,
        ]),
        json: pack.programs.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          trackIds: p.trackIds,
          durationMonths: p.durationMonths ? { min: p.durationMonths.min, max: p.durationMonths.max } : null,
          cost: p.cost ? { min: p.cost.min, max: p.cost.max } : null,
          source: source(index, p.sourceId),
        })),
      };
  }
}

export function runList(index: DataPackIndex, kind: ListKind, format: Format): string {
  const { columns, rows, json } = listing(index, kind);
  if (format === 'json') return JSON.stringify({ [kind]: json }, null, 2);
  return renderTable(columns, rows);
}
