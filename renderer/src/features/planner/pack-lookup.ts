/**
 * Questions the planner screen asks of the data pack: names for ids, options grouped for
 * pickers, where a figure comes from. Pure, so it is unit-tested under Node.
 */
import type { DataPack, Figure, Place, Role, Source } from '../../../../shared/datapack/schema';
import { midpoint } from '../../../../shared/engine/money';
import { formatMoneyRange } from './format';

export interface OptionGroup<T> {
  label: string;
  options: T[];
}

export interface Lookup {
  pack: DataPack;
  role(id: string): Role | undefined;
  place(id: string): Place | undefined;
  source(id: string | null | undefined): Source | undefined;
  roleTitle(id: string): string;
  placeName(id: string): string;
  settingName(id: string): string;
  certificationName(id: string): string;
  programName(id: string): string;
}

export function createLookup(pack: DataPack): Lookup {
  const roles = new Map(pack.roles.map((r) => [r.id, r]));
  const places = new Map(pack.places.map((p) => [p.id, p]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const settings = new Map(pack.settings.map((s) => [s.id, s]));
  const certifications = new Map(pack.certifications.map((c) => [c.id, c]));
  const programs = new Map(pack.programs.map((p) => [p.id, p]));
  return {
    pack,
    role: (id) => roles.get(id),
    place: (id) => places.get(id),
    source: (id) => (id ? sources.get(id) : undefined),
    roleTitle: (id) => roles.get(id)?.title ?? id,
    placeName: (id) => places.get(id)?.name ?? id,
    settingName: (id) => settings.get(id)?.name ?? id,
    certificationName: (id) => {
      const c = certifications.get(id);
      // "CMA (Certified Medical Assistant)": asides like "(AAMA)" dropped from both parts.
      return c ? `${withoutAsides(c.abbreviation)} (${withoutAsides(c.name)})` : id;
    },
    programName: (id) => programs.get(id)?.name ?? id,
  };
}

/** Roles grouped by career track, each track's roles in ladder order, for a `<select>` with optgroups. */
export function rolesByTrack(pack: DataPack): OptionGroup<Role>[] {
  const byId = new Map(pack.roles.map((r) => [r.id, r]));
  const used = new Set<string>();
  const groups: OptionGroup<Role>[] = pack.tracks.map((track) => {
    const options = track.roleIds.map((id) => byId.get(id)).filter((r): r is Role => r !== undefined);
    const rest = pack.roles.filter((r) => r.trackId === track.id && !track.roleIds.includes(r.id));
    const all = [...options, ...rest].filter((r) => !used.has(r.id));
    all.forEach((r) => used.add(r.id));
    return { label: track.name, options: all };
  });
  const orphans = pack.roles.filter((r) => !used.has(r.id));
  if (orphans.length) groups.push({ label: 'Other roles', options: orphans });
  return groups.filter((g) => g.options.length > 0);
}

const placeGroupLabels: Record<Place['kind'], string> = {
  nation: 'Whole country',
  state: 'U.S. states',
  territory: 'U.S. territories',
  city: 'U.S. cities',
  country: 'Other countries',
};
const placeGroupOrder: Place['kind'][] = ['nation', 'state', 'territory', 'city', 'country'];

/** Places grouped as: the whole U.S., states, territories, cities, other countries; A–Z inside each. */
export function placesGrouped(pack: DataPack): OptionGroup<Place>[] {
  return placeGroupOrder
    .map((kind) => ({
      label: placeGroupLabels[kind],
      options: pack.places.filter((p) => p.kind === kind).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((g) => g.options.length > 0);
}

/** A place's name with its state for cities: "Austin, Texas". */
export function placeLabel(pack: DataPack, place: Place): string {
  if (place.kind === 'city' && place.parentId) {
    const parent = pack.places.find((p) => p.id === place.parentId);
    if (parent && !place.name.includes(parent.name)) return `${place.name}, ${parent.name}`;
  }
  return place.name;
}

/** Drops parentheticals: "U.S. Bureau of Labor Statistics (BLS)" → "U.S. Bureau of Labor Statistics". */
function withoutAsides(text: string): string {
  return text.replace(/\s*\([^)]*\)/g, '').trim();
}

/** The first clause of a long description: up to the first comma, colon or semicolon. */
function firstClause(text: string): string {
  return withoutAsides(text)
    .split(/[,;:]\s/)[0]!
    .trim();
}

/** "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025". */
export function describeSource(source: Source | undefined): string {
  if (!source) return 'source not listed';
  return `${firstClause(source.publisher)}, ${firstClause(source.dataset)}, ${withoutAsides(source.period)}`;
}

/** A name short enough for a placeholder: the guide's title for career guides, else the publisher. */
export function shortSource(source: Source | undefined): string {
  if (!source) return 'source not listed';
  return source.kind === 'career-guide'
    ? firstClause(source.dataset).replace(/^(Complete|The)\s+/i, '')
    : firstClause(source.publisher);
}

/** The publisher in a word or two: "Himalayas guide" for a career guide, else the publisher's first clause. */
export function sourceTag(source: Source | undefined): string {
  if (!source) return 'source not listed';
  const publisher = firstClause(source.publisher);
  if (source.kind !== 'career-guide') return publisher;
  return /^not named/i.test(publisher) ? 'a career guide' : `${publisher} guide`;
}

/** Where a default comes from: its source, or "assumption: <why>". */
export function describeFigure(lookup: Lookup, figure: Figure): string {
  if ('sourceId' in figure) return describeSource(lookup.source(figure.sourceId));
  return `Assumption: ${figure.assumption}`;
}

export interface TypicalCost {
  min: number;
  max: number;
  /** What the engine uses when the step has no cost of its own: the middle of the printed range. */
  typical: number;
  /** The printed range: "$125–$250". */
  rangeText: string;
  /** The source's short name: "Medical Assistant Career Guide". */
  source: string;
  /** Shorter still, for a placeholder: "Himalayas guide", "BLS"… */
  sourceTag: string;
}

/** The pack's printed cost of a certification exam or a program, if it prints one. */
export function typicalCost(
  lookup: Lookup,
  kind: 'certification' | 'program',
  id: string,
): TypicalCost | null {
  const item =
    kind === 'certification'
      ? lookup.pack.certifications.find((c) => c.id === id)
      : lookup.pack.programs.find((p) => p.id === id);
  const range = item?.cost;
  if (!item || !range) return null;
  return {
    min: range.min,
    max: range.max,
    typical: midpoint(range),
    rangeText: formatMoneyRange(range.min, range.max),
    source: shortSource(lookup.source(range.sourceId)),
    sourceTag: sourceTag(lookup.source(range.sourceId)),
  };
}
