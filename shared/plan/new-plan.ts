/**
 * A sensible first plan: the entry role of the first track, nationwide, all settings, the pack's
 * default hours and horizon, no steps. The start year is passed in because shared/ has no clock.
 * With `ladder: true` it also adds a role step for each later role of the track at the year the
 * guide says that role usually starts (its typicalYears.min), within the horizon.
 */
import type { DataPack } from '../datapack/schema';
import type { DataPackIndex } from '../engine/data-pack-index';
import { toIndex } from '../engine/data-pack-index';
import type { Plan, Step } from './schema';
import { MAX_HORIZON_YEARS } from './schema';

export interface NewPlanOptions {
  startYear: number;
  name?: string;
  role?: string;
  place?: string;
  setting?: string;
  hoursPerWeek?: number;
  years?: number;
  yearsExperience?: number;
  steps?: Step[];
  assumptions?: Plan['assumptions'];
  /** Add role steps up the start role's track at the usual years of experience. */
  ladder?: boolean;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function pick(preferred: string, available: ReadonlyMap<string, unknown>): string {
  return available.has(preferred) ? preferred : (available.keys().next().value ?? preferred);
}

/** Role steps up the track after `roleId`, each at the year its typical experience begins. */
export function ladderSteps(
  pack: DataPack | DataPackIndex,
  roleId: string,
  startYear: number,
  years: number,
  yearsExperience = 0,
): Step[] {
  const index = toIndex(pack);
  const role = index.roles.get(roleId);
  const track = role ? index.tracks.get(role.trackId) : undefined;
  if (!role || !track) return [];
  const steps: Step[] = [];
  let earliest = startYear + 1;
  for (const nextId of track.roleIds.slice(track.roleIds.indexOf(roleId) + 1)) {
    const next = index.roles.get(nextId);
    if (!next) continue;
    // Not before the guide's usual experience, and at most one promotion per year.
    const year = Math.max(earliest, startYear + (next.typicalYears?.min ?? 0) - yearsExperience);
    if (year > startYear + years - 1) break;
    steps.push({ type: 'role', role: next.id, year });
    earliest = year + 1;
  }
  return steps;
}

export function newPlan(pack: DataPack | DataPackIndex, options: NewPlanOptions): Plan {
  const index = toIndex(pack);
  const { defaults } = index.pack;
  const firstTrack = index.pack.tracks[0];
  const role = options.role ?? firstTrack?.roleIds[0] ?? index.pack.roles[0]!.id;
  const years = options.years ?? clamp(Math.round(defaults.horizonYears.value), 1, MAX_HORIZON_YEARS);
  const start: Plan['start'] = {
    role,
    place: options.place ?? pick('US', index.places),
    setting: options.setting ?? pick('all', index.settings),
    hoursPerWeek: options.hoursPerWeek ?? clamp(defaults.hoursPerWeek.value, 1, 80),
  };
  if (options.yearsExperience !== undefined) start.yearsExperience = options.yearsExperience;
  const steps =
    options.steps ??
    (options.ladder ? ladderSteps(index, role, options.startYear, years, options.yearsExperience) : []);
  const plan: Plan = {
    name: options.name ?? `${index.roles.get(role)?.title ?? role} plan`,
    startYear: options.startYear,
    years,
    start,
    steps,
  };
  if (options.assumptions) plan.assumptions = options.assumptions;
  return plan;
}
