/**
 * The factors a pay rate is built from, each with where it came from:
 *   rate = base × place × setting × certification × hours × keptPay × raise
 * This module answers base, place, setting, band and certification for a role where it is; the
 * projection loop (project.ts) owns hours, keptPay and raise, which depend on the plan's history.
 */
import type { Place, Role } from '../datapack/schema';
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
  gaps: DataGap[];
}

/** Countries outside the U.S. are priced from the guide's printed range, not from OEWS. */
export function isCountry(place: Place): boolean {
  return place.kind === 'country';
}

interface Cited {
  factor: number;
  sourceId: string | null;
}

function placeFactor(index: DataPackIndex, role: Role, place: Place, gaps: DataGap[]): Cited {
  if (place.id === NATION_PLACE_ID) return { factor: 1, sourceId: null };
  // A named city has no OEWS data in the pack: use its state's ratio, and say so.
  let dataPlace = place;
  if (place.kind === 'city') {
    const parent = place.parentId ? index.places.get(place.parentId) : undefined;
    if (parent) {
      gaps.push({ code: 'city-uses-state-data', city: place, state: parent });
      dataPlace = parent;
      if (parent.id === NATION_PLACE_ID) return { factor: 1, sourceId: null };
    }
  }
  const ratio =
    role.soc === null || dataPlace.kind === 'city' ? null : index.placeRatio(role.soc, dataPlace.id);
  if (!ratio) {
    gaps.push({ code: 'no-place-data', role, place: dataPlace });
    return { factor: 1, sourceId: null };
  }
  return { factor: ratio.factor, sourceId: ratio.sourceId };
}

function settingFactor(index: DataPackIndex, role: Role, settingId: string, gaps: DataGap[]): Cited {
  if (settingId === 'all') return { factor: 1, sourceId: null };
  const ratio = role.soc === null ? null : index.settingRatio(role.soc, settingId);
  if (!ratio) {
    gaps.push({ code: 'no-setting-data', role, settingId });
    return { factor: 1, sourceId: null };
  }
  return { factor: ratio.factor, sourceId: ratio.sourceId };
}

/**
 * payBasis depends only on the pack and (role, place, setting, band), and the UI projects the same
 * few combinations on every keystroke, so results are kept per index. Keys are the pack's own
 * objects and id strings (no string building: hashing fresh strings cost more than the work).
 * Results are shared: callers must treat a PayBasis and its gaps as read-only.
 */
type BasisCache = Map<Role, Map<Place, Map<string, PayBasis[]>>>;
const basisCaches = new WeakMap<DataPackIndex, BasisCache>();
/** The index asked about last and its cache: one pack is in use at a time, so this skips the WeakMap. */
let lastIndex: DataPackIndex | null = null;
let lastCache: BasisCache | null = null;

function basisCache(index: DataPackIndex): BasisCache {
  if (index === lastIndex) return lastCache!;
  let cache = basisCaches.get(index);
  if (!cache) basisCaches.set(index, (cache = new Map()));
  lastIndex = index;
  lastCache = cache;
  return cache;
}

export function payBasis(
  index: DataPackIndex,
  role: Role,
  place: Place,
  settingId: string,
  band: 'p25-p75' | 'p10-p90',
): PayBasis {
  const byRole = basisCache(index);
  let byPlace = byRole.get(role);
  if (!byPlace) byRole.set(role, (byPlace = new Map()));
  let bySetting = byPlace.get(place);
  if (!bySetting) byPlace.set(place, (bySetting = new Map()));
  let byBand = bySetting.get(settingId);
  if (!byBand) bySetting.set(settingId, (byBand = []));
  const slot = band === 'p25-p75' ? 0 : 1;
  return (byBand[slot] ??= computePayBasis(index, role, place, settingId, band));
}

function computePayBasis(
  index: DataPackIndex,
  role: Role,
  place: Place,
  settingId: string,
  band: 'p25-p75' | 'p10-p90',
): PayBasis {
  const gaps: DataGap[] = [];
  if (isCountry(place)) {
    // The guides print one range per track and country; OEWS factors do not apply abroad.
    const range = index.countryPay(place.id, role.trackId);
    if (settingId !== 'all') gaps.push({ code: 'no-setting-data', role, settingId });
    if (!range) {
      gaps.push({ code: 'no-pay-data', role, place });
      return {
        mode: 'country',
        base: null,
        baseSourceId: null,
        place: 1,
        placeSourceId: null,
        setting: 1,
        settingSourceId: null,
        bandLow: 1,
        bandHigh: 1,
        bandSourceId: null,
        gaps,
      };
    }
    const mid = midpoint(range);
    return {
      mode: 'country',
      base: mid,
      baseSourceId: range.sourceId,
      place: 1,
      placeSourceId: null,
      setting: 1,
      settingSourceId: null,
      bandLow: range.min / mid,
      bandHigh: range.max / mid,
      bandSourceId: range.sourceId,
      gaps,
    };
  }

  const pay = role.medianPay !== null && role.medianPay.value > 0 ? role.medianPay : null;
  // Without a pay figure the rate is carried from before, so place and setting gaps would only
  // repeat the one thing worth saying: there is no pay figure.
  const factorGaps: DataGap[] = pay ? gaps : [];
  const placeF = placeFactor(index, role, place, factorGaps);
  const settingF = settingFactor(index, role, settingId, factorGaps);
  const bandRatios = role.soc === null ? null : index.bandRatios(role.soc, band);
  if (!bandRatios) gaps.push({ code: 'no-band-data', role });
  if (!pay) gaps.push({ code: 'no-pay-data', role, place });
  return {
    mode: 'oews',
    base: pay?.value ?? null,
    baseSourceId: pay?.sourceId ?? null,
    place: placeF.factor,
    placeSourceId: placeF.sourceId,
    setting: settingF.factor,
    settingSourceId: settingF.sourceId,
    bandLow: bandRatios?.low ?? 1,
    bandHigh: bandRatios?.high ?? 1,
    bandSourceId: bandRatios?.sourceId ?? null,
    gaps,
  };
}

/**
 * Product of (1 + payChangePct/100) over the certifications earned so far that count for the
 * track; `earned` maps certification id → the percentage in force (the step's override or the
 * pack's figure).
 */
export function certificationFactor(
  index: DataPackIndex,
  earned: ReadonlyMap<string, number>,
  trackId: string,
): number {
  if (earned.size === 0) return 1;
  let factor = 1;
  earned.forEach((pct, id) => {
    if (index.certifications.get(id)?.trackIds.includes(trackId)) factor *= 1 + pct / 100;
  });
  return factor;
}
