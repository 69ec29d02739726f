/**
 * The factors a pay rate is built from, each with where it came from:
 *   rate = base × place × setting × certification × hours × keptPay × raise
 * This module answers base, place, setting, band and certification for a role where it is; the
 * projection loop (project.ts) owns hours, keptPay and raise, which depend on the plan's history.
 */
import type { CountryPayRange, Place, Role } from '../datapack/schema';
import { midpoint } from './money';
import type { DataPackIndex } from './data-pack-index';
import { NATION_PLACE_ID } from './data-pack-index';

/** Hours a full-time rate assumes; part-time scales by hoursPerWeek ÷ 40. */
export const FULL_TIME_HOURS = 40;

/** What is missing about pay where the person works; each becomes a warning once. */
export type DataGap =
  | { code: 'no-place-data'; role: Role; place: Place }
  | { code: 'city-uses-state-data'; city: Place; state: Place }
  | { code: 'no-setting-data'; role: Role; settingId: string }
  | { code: 'no-pay-data'; role: Role; place: Place }
  | { code: 'no-band-data'; role: Role };

/**
 * The gaps of a basis, part by part, in the order they are reported: place, setting and band, or
 * for a role or country without pay, what it lacks. Kept apart rather than joined into one list:
 * the parts' lists are shared, and joining them built a new list on most steps.
 */
export type GapLists = readonly [readonly DataGap[], readonly DataGap[], readonly DataGap[]];

/**
 * Everything about pay that follows from (role, place, setting) alone. `base` is null when there
 * is no pay figure at all (a role without medianPay, or a country without a range for the track).
 */
export interface PayBasis {
  readonly mode: 'oews' | 'country';
  base: number | null;
  baseSourceId: string | null;
  place: number;
  placeSourceId: string | null;
  setting: number;
  settingSourceId: string | null;
  bandLow: number;
  bandHigh: number;
  bandSourceId: string | null;
  readonly gaps: GapLists;
}

/** Countries outside the U.S. are priced from the guide's printed range, not from OEWS. */
export function isCountry(place: Place): boolean {
  return place.kind === 'country';
}

/** One factor of a basis with its source and the gaps it brings (shared objects: read-only). */
interface Part {
  readonly factor: number;
  readonly sourceId: string | null;
  readonly gaps: readonly DataGap[];
}

interface BandPart {
  readonly low: number;
  readonly high: number;
  readonly sourceId: string | null;
  readonly gaps: readonly DataGap[];
}

/** The pay of a role in one place: the OEWS place factor, or the guide's range for a country. */
interface PlacePart extends Part {
  /** The country's printed range for the role's track (countries only; null when it has none). */
  readonly range: CountryPayRange | null;
  /** [the "no pay data" gap of the role in this place], kept so the same gap is the same object. */
  readonly noPayGaps: readonly DataGap[];
}

/** Setting factor, and the gap a country reports for any setting but "all". */
interface SettingPart extends Part {
  readonly abroadGaps: readonly DataGap[];
}

/**
 * What payBasis knows about one role, filled in as places and settings are asked for. A basis
 * is the product of independent parts (place × setting × band for the role's SOC), so they are
 * kept apart: a role has a few dozen parts instead of one basis per place × setting × band,
 * small enough to stay in the CPU cache when thousands of plans are projected in a row.
 */
interface RoleParts {
  /** The role's own pay figure, or null when it has none (the rate is then carried, not invented). */
  readonly pay: { readonly value: number; readonly sourceId: string } | null;
  readonly places: Map<Place, PlacePart>;
  readonly settings: Map<string, SettingPart>;
  readonly bands: Array<BandPart | undefined>;
}

const NO_GAPS: readonly DataGap[] = Object.freeze([]);

function placePart(index: DataPackIndex, role: Role, place: Place): PlacePart {
  const noPayGaps: readonly DataGap[] = [{ code: 'no-pay-data', role, place }];
  if (isCountry(place)) {
    const range = index.countryPay(place.id, role.trackId);
    return { factor: 1, sourceId: null, gaps: NO_GAPS, range, noPayGaps };
  }
  if (place.id === NATION_PLACE_ID)
    return { factor: 1, sourceId: null, gaps: NO_GAPS, range: null, noPayGaps };
  // A named city has no OEWS data in the pack: use its state's ratio, and say so.
  const gaps: DataGap[] = [];
  let dataPlace = place;
  if (place.kind === 'city') {
    const parent = place.parentId ? index.places.get(place.parentId) : undefined;
    if (parent) {
      gaps.push({ code: 'city-uses-state-data', city: place, state: parent });
      dataPlace = parent;
      if (parent.id === NATION_PLACE_ID) return { factor: 1, sourceId: null, gaps, range: null, noPayGaps };
    }
  }
  const ratio =
    role.soc === null || dataPlace.kind === 'city' ? null : index.placeRatio(role.soc, dataPlace.id);
  if (!ratio) {
    gaps.push({ code: 'no-place-data', role, place: dataPlace });
    return { factor: 1, sourceId: null, gaps, range: null, noPayGaps };
  }
  return { factor: ratio.factor, sourceId: ratio.sourceId, gaps, range: null, noPayGaps };
}

function settingPart(index: DataPackIndex, role: Role, settingId: string): SettingPart {
  if (settingId === 'all') return { factor: 1, sourceId: null, gaps: NO_GAPS, abroadGaps: NO_GAPS };
  const gap: DataGap = { code: 'no-setting-data', role, settingId };
  // Abroad no OEWS setting factor applies, so any setting but "all" is a gap there.
  const abroadGaps = [gap];
  const ratio = role.soc === null ? null : index.settingRatio(role.soc, settingId);
  if (!ratio) return { factor: 1, sourceId: null, gaps: abroadGaps, abroadGaps };
  return { factor: ratio.factor, sourceId: ratio.sourceId, gaps: NO_GAPS, abroadGaps };
}

function bandPart(index: DataPackIndex, role: Role, band: 'p25-p75' | 'p10-p90'): BandPart {
  const ratios = role.soc === null ? null : index.bandRatios(role.soc, band);
  if (!ratios) return { low: 1, high: 1, sourceId: null, gaps: [{ code: 'no-band-data', role }] };
  return { low: ratios.low, high: ratios.high, sourceId: ratios.sourceId, gaps: NO_GAPS };
}

/** Parts per role, per index (a pack's index lives as long as the pack is in use). */
const partsCaches = new WeakMap<DataPackIndex, Map<Role, RoleParts>>();
/**
 * The index asked about last and its parts: one pack is in use at a time, so this skips the
 * WeakMap (and keeps that one index alive).
 */
let lastIndex: DataPackIndex | null = null;
let lastParts: Map<Role, RoleParts> | null = null;

function roleParts(index: DataPackIndex, role: Role): RoleParts {
  if (index !== lastIndex) {
    let parts = partsCaches.get(index);
    if (!parts) partsCaches.set(index, (parts = new Map()));
    lastIndex = index;
    lastParts = parts;
  }
  let parts = lastParts!.get(role);
  if (!parts) {
    const pay = role.medianPay !== null && role.medianPay.value > 0 ? role.medianPay : null;
    parts = { pay, places: new Map(), settings: new Map(), bands: [] };
    lastParts!.set(role, parts);
  }
  return parts;
}

/**
 * payBasis depends only on the pack and (role, place, setting, band), and is asked for on every
 * step of every projection, so its parts are kept per index (see RoleParts). The basis object is
 * built fresh but its parts and gaps are shared: callers must treat them as read-only.
 */
export function payBasis(
  index: DataPackIndex,
  role: Role,
  place: Place,
  settingId: string,
  band: 'p25-p75' | 'p10-p90',
): PayBasis {
  const parts = roleParts(index, role);
  let where = parts.places.get(place);
  if (!where) parts.places.set(place, (where = placePart(index, role, place)));
  let setting = parts.settings.get(settingId);
  if (!setting) parts.settings.set(settingId, (setting = settingPart(index, role, settingId)));

  if (isCountry(place)) {
    // The guides print one range per track and country; OEWS factors do not apply abroad.
    const range = where.range;
    return countryBasis(range, [setting.abroadGaps, range ? NO_GAPS : where.noPayGaps, NO_GAPS]);
  }

  const slot = band === 'p25-p75' ? 0 : 1;
  const bandFacts = (parts.bands[slot] ??= bandPart(index, role, band));
  const pay = parts.pay;
  return {
    mode: 'oews',
    base: pay?.value ?? null,
    baseSourceId: pay?.sourceId ?? null,
    place: where.factor,
    placeSourceId: where.sourceId,
    setting: setting.factor,
    settingSourceId: setting.sourceId,
    bandLow: bandFacts.low,
    bandHigh: bandFacts.high,
    bandSourceId: bandFacts.sourceId,
    // Without a pay figure the rate is carried from before, so place and setting gaps would only
    // repeat the one thing worth saying: there is no pay figure.
    gaps: pay ? [where.gaps, setting.gaps, bandFacts.gaps] : [bandFacts.gaps, where.noPayGaps, NO_GAPS],
  };
}

/** Abroad: the guide's range for the track, its midpoint as the base; no range, no pay figure. */
function countryBasis(range: CountryPayRange | null, gaps: GapLists): PayBasis {
  const mid = range ? midpoint(range) : null;
  return {
    mode: 'country',
    base: mid,
    baseSourceId: range?.sourceId ?? null,
    place: 1,
    placeSourceId: null,
    setting: 1,
    settingSourceId: null,
    bandLow: range && mid ? range.min / mid : 1,
    bandHigh: range && mid ? range.max / mid : 1,
    bandSourceId: range?.sourceId ?? null,
    gaps,
  };
}

/**
 * Product of (1 + payChangePct/100) over the certifications earned so far that count for the
 * track. `certificationIds` and `pcts` are parallel lists: each certification and the percentage
 * in force for it (the step's override or the pack's figure). Lists, not a Map: a plan earns a
 * handful, and creating a Map for every projection cost more than searching them.
 */
export function certificationFactor(
  index: DataPackIndex,
  certificationIds: readonly string[],
  pcts: readonly number[],
  trackId: string,
): number {
  let factor = 1;
  for (let i = 0; i < certificationIds.length; i++) {
    if (index.certifications.get(certificationIds[i]!)?.trackIds.includes(trackId))
      factor *= 1 + pcts[i]! / 100;
  }
  return factor;
}
