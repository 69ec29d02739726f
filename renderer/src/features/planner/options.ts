/** Choices for the planner's pickers, built once per data pack. Pure. */
import type { DataPack } from '../../../../shared/datapack/schema';
import type { SelectGroup, SelectOption } from '../../components/select';
import { placeLabel, placesGrouped, rolesByTrack } from './pack-lookup';

export interface PlannerOptions {
  roles: SelectGroup[];
  places: SelectGroup[];
  settings: SelectOption[];
  certifications: SelectGroup[];
  programs: SelectGroup[];
}

function byTrack<T extends { id: string; trackIds: string[] }>(
  pack: DataPack,
  items: readonly T[],
  label: (item: T) => string,
): SelectGroup[] {
  const used = new Set<string>();
  const groups: SelectGroup[] = [];
  for (const track of pack.tracks) {
    const options = items.filter((i) => !used.has(i.id) && i.trackIds.includes(track.id));
    options.forEach((i) => used.add(i.id));
    if (options.length)
      groups.push({ label: track.name, options: options.map((i) => ({ value: i.id, label: label(i) })) });
  }
  const rest = items.filter((i) => !used.has(i.id));
  if (rest.length)
    groups.push({ label: 'Other', options: rest.map((i) => ({ value: i.id, label: label(i) })) });
  return groups;
}

export function plannerOptions(pack: DataPack): PlannerOptions {
  return {
    roles: rolesByTrack(pack).map((g) => ({
      label: g.label,
      options: g.options.map((r) => ({ value: r.id, label: r.title })),
    })),
    places: placesGrouped(pack).map((g) => ({
      label: g.label,
      options: g.options.map((p) => ({ value: p.id, label: placeLabel(pack, p) })),
    })),
    settings: pack.settings.map((s) => ({ value: s.id, label: s.name })),
    certifications: byTrack(pack, pack.certifications, (c) => `${c.abbreviation} — ${c.name}`),
    programs: byTrack(pack, pack.programs, (p) => p.name),
  };
}
