/**
 * Where each source of the data pack is used: which roles, places, work settings,
 * certifications, programs, ladders, pathways and defaults cite it. The Sources screen lists
 * this under each source, so a counselor can see what rests on what. Pure, unit-tested.
 */
import type { DataPack, Figure } from '../../../../shared/datapack/schema';
import { andList } from '../../../../shared/text/lists';

export type UsageGroupId =
  | 'roles'
  | 'wages'
  | 'places'
  | 'settings'
  | 'certifications'
  | 'programs'
  | 'abroad'
  | 'prices'
  | 'ladders'
  | 'pathways'
  | 'defaults';

export interface UsageGroup {
  id: UsageGroupId;
  label: string;
  items: string[];
}

const groupLabels: Record<UsageGroupId, string> = {
  roles: 'Roles',
  wages: 'Wage figures',
  places: 'Places',
  settings: 'Work settings',
  certifications: 'Certifications',
  programs: 'Programs',
  abroad: 'Pay outside the U.S.',
  prices: 'Price levels',
  ladders: 'Career ladders',
  pathways: 'Pathways',
  defaults: 'Defaults',
};
const groupOrder = Object.keys(groupLabels) as UsageGroupId[];

/** "a", "a and b", "a, b and c". */
class Collector {
  /** sourceId → group → item → what about it ("pay", "usual years"…), in first-seen order. */
  private readonly uses = new Map<string, Map<UsageGroupId, Map<string, string[]>>>();

  add(sourceId: string | null | undefined, group: UsageGroupId, item: string, what?: string): void {
    if (!sourceId) return;
    let groups = this.uses.get(sourceId);
    if (!groups) this.uses.set(sourceId, (groups = new Map()));
    let items = groups.get(group);
    if (!items) groups.set(group, (items = new Map()));
    let whats = items.get(item);
    if (!whats) items.set(item, (whats = []));
    if (what && !whats.includes(what)) whats.push(what);
  }

  result(): Map<string, UsageGroup[]> {
    const out = new Map<string, UsageGroup[]>();
    for (const [sourceId, groups] of this.uses) {
      out.set(
        sourceId,
        groupOrder
          .filter((id) => groups.has(id))
          .map((id) => ({
            id,
            label: groupLabels[id],
            items: [...groups.get(id)!].map(([item, whats]) =>
              whats.length ? `${item}: ${andList(whats)}` : item,
            ),
          })),
      );
    }
    return out;
  }
}

function cited(figure: Figure | null | undefined): string | null {
  return figure && 'sourceId' in figure ? figure.sourceId : null;
}

/** Every source id of the pack → what cites it, grouped. Sources nothing cites map to []. */
export function sourceUsage(pack: DataPack): Map<string, UsageGroup[]> {
  const c = new Collector();
  const placeName = new Map(pack.places.map((p) => [p.id, p.name]));
  const trackName = new Map(pack.tracks.map((t) => [t.id, t.name]));

  for (const role of pack.roles) {
    c.add(role.sourceId, 'roles', role.title, 'description');
    c.add(role.medianPay?.sourceId, 'roles', role.title, 'median pay');
    c.add(role.averagePay?.sourceId, 'roles', role.title, 'average pay');
    c.add(role.typicalYears?.sourceId, 'roles', role.title, 'usual years of experience');
  }

  // Wage rows: per source and occupation code, which roles use the code and in how many places.
  const rolesBySoc = new Map<string, string[]>();
  for (const role of pack.roles) {
    if (!role.soc) continue;
    const list = rolesBySoc.get(role.soc) ?? [];
    list.push(role.title);
    rolesBySoc.set(role.soc, list);
  }
  const wagePlaces = new Map<string, Set<string>>();
  for (const row of pack.wages) {
    const key = `${row.sourceId}|${row.soc}`;
    const places = wagePlaces.get(key) ?? new Set<string>();
    places.add(row.placeId);
    wagePlaces.set(key, places);
  }
  for (const [key, places] of wagePlaces) {
    const [sourceId, soc] = key.split('|') as [string, string];
    const roles = rolesBySoc.get(soc);
    const who = roles?.length ? `${andList(roles)} (SOC ${soc})` : `SOC ${soc}`;
    const others = [...places].filter((id) => id !== 'US').length;
    const where = places.has('US')
      ? others > 0
        ? `U.S. and ${others} ${others === 1 ? 'place' : 'places'}`
        : 'U.S. figures and pay ranges'
      : `${others} ${others === 1 ? 'place' : 'places'}`;
    c.add(sourceId, 'wages', `${who} — ${where}`);
  }

  for (const place of pack.places) c.add(place.sourceId, 'places', place.name);

  for (const setting of pack.settings) {
    for (const median of setting.medians) {
      const roles = rolesBySoc.get(median.soc);
      c.add(
        median.sourceId,
        'settings',
        setting.name,
        roles?.[0] ? `${roles[0]} pay` : `SOC ${median.soc} pay`,
      );
    }
  }

  for (const cert of pack.certifications) {
    const name = `${cert.abbreviation} (${cert.name})`;
    c.add(cert.sourceId, 'certifications', name, 'description');
    c.add(cited(cert.payChangePct), 'certifications', name, 'pay change');
    c.add(cert.cost?.sourceId, 'certifications', name, 'exam cost');
    c.add(cert.prepMonths?.sourceId, 'certifications', name, 'time to prepare');
    c.add(cert.renewalMonths?.sourceId, 'certifications', name, 'renewal');
  }

  for (const program of pack.programs) {
    c.add(program.sourceId, 'programs', program.name, 'description');
    c.add(program.cost?.sourceId, 'programs', program.name, 'cost');
    c.add(program.durationMonths?.sourceId, 'programs', program.name, 'length');
  }

  for (const range of pack.countryPay) {
    c.add(
      range.sourceId,
      'abroad',
      placeName.get(range.placeId) ?? range.placeId,
      `${(trackName.get(range.trackId) ?? range.trackId).toLowerCase()} pay`,
    );
  }

  const priced = new Map<string, { places: Set<string>; years: Set<number> }>();
  for (const level of pack.priceLevels) {
    const entry = priced.get(level.sourceId) ?? { places: new Set(), years: new Set() };
    entry.places.add(level.placeId);
    entry.years.add(level.year);
    priced.set(level.sourceId, entry);
  }
  for (const [sourceId, { places, years }] of priced) {
    c.add(
      sourceId,
      'prices',
      `Regional price parities for ${places.size} ${places.size === 1 ? 'place' : 'places'} (${[...years].sort().join(', ')}), used in the Places screen's cost of living`,
    );
  }

  for (const track of pack.tracks) c.add(track.sourceId, 'ladders', track.name, 'the roles in order');

  for (const template of pack.templates) {
    c.add(template.sourceId, 'pathways', template.name, 'the pathway');
    for (const step of template.steps) c.add(step.sourceId, 'pathways', template.name, 'its steps');
  }

  const defaultNames: Record<keyof DataPack['defaults'], string> = {
    inflationPct: 'Inflation',
    realRaisePct: 'Yearly raise',
    hoursPerWeek: 'Hours per week',
    horizonYears: 'Years to plan',
  };
  for (const [key, label] of Object.entries(defaultNames) as Array<[keyof DataPack['defaults'], string]>) {
    c.add(cited(pack.defaults[key]), 'defaults', label);
  }

  const used = c.result();
  const out = new Map<string, UsageGroup[]>();
  for (const source of pack.sources) out.set(source.id, used.get(source.id) ?? []);
  return out;
}

/** How many things cite a source, for the list's one-line summary ("Used by 12 figures"). */
export function usageCount(groups: readonly UsageGroup[]): number {
  return groups.reduce((sum, g) => sum + g.items.length, 0);
}
