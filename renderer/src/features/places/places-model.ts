/**
 * What the Places screen shows: the open plan started in other places (the plan with
 * `start.place` replaced, projected by the shared engine), what each place's data says or lacks
 * (the engine's warnings), and what pay there is worth at home (BEA regional price parities via
 * shared/places/cost-of-living). Pure, unit-tested under Node.
 */
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { projectPlan } from '../../../../shared/engine/index';
import type { Projection, WarningCode } from '../../../../shared/engine/types';
import type { Plan } from '../../../../shared/plan/schema';
import { purchasingPowerEquivalent, type PurchasingPower } from '../../../../shared/places/cost-of-living';
import { withDollars, type Dollars } from '../compare/compare-model';
import { seriesStyle, type SeriesStyle } from '../compare/series-style';
import { placeLabel } from '../planner/pack-lookup';

export const MAX_PLACES = 5;

/** The plan as if it started in `placeId`: same roles, steps, years and assumptions. */
export function planInPlace(plan: Plan, placeId: string): Plan {
  return { ...plan, start: { ...plan.start, place: placeId } };
}

/** What a place's data lacks or replaces, as the engine says it. */
const PLACE_WARNINGS: ReadonlySet<WarningCode> = new Set([
  'no-place-data',
  'city-uses-state-data',
  'no-pay-data',
  'no-setting-data',
  'cost-not-converted',
  'currency-change',
]);

export interface PlaceRow {
  placeId: string;
  name: string;
  position: number;
  style: SeriesStyle;
  /** The plan's own start place. */
  home: boolean;
  projection: Projection | null;
  error: string | null;
  currency: string;
  /** The engine's warnings about this place's data (deduplicated). */
  notes: string[];
  /** True when this place's currency differs from the plan's own place. */
  otherCurrency: boolean;
  /** The first year's salary at the home place's prices (BEA regional price parities). */
  atHomePrices: PurchasingPower | null;
  /** This place's price level (U.S. = 100), if BEA publishes one for it. */
  priceLevel: number | null;
}

export interface PlacesModel {
  home: string;
  rows: PlaceRow[];
  /** Sentences about place steps in the plan: every column follows them. */
  moves: string[];
}

/** The places shown first: the plan's own, then the whole U.S. */
export function defaultPlaces(plan: Plan, index: DataPackIndex): string[] {
  const places = [plan.start.place];
  if (plan.start.place !== 'US' && index.places.has('US')) places.push('US');
  return places;
}

/** Adds a place (at most MAX_PLACES, no repeats); the plan's own place always stays first. */
export function addPlace(places: readonly string[], placeId: string): string[] {
  if (places.includes(placeId) || places.length >= MAX_PLACES) return [...places];
  return [...places, placeId];
}

export function removePlace(places: readonly string[], placeId: string): string[] {
  return places.filter((id, i) => i === 0 || id !== placeId);
}

export function buildPlacesModel(
  plan: Plan,
  placeIds: readonly string[],
  index: DataPackIndex,
  dollars: Dollars,
): PlacesModel {
  const home = plan.start.place;
  const homeCurrency = index.places.get(home)?.currency ?? 'USD';
  const ids = [home, ...placeIds.filter((id) => id !== home)].slice(0, MAX_PLACES);
  const rows = ids.map((placeId, position): PlaceRow => {
    const place = index.places.get(placeId);
    const name = place ? placeLabel(index.pack, place) : placeId;
    let projection: Projection | null = null;
    let error: string | null = null;
    try {
      projection = projectPlan(withDollars(planInPlace(plan, placeId), dollars), index);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const currency = projection?.currency ?? place?.currency ?? homeCurrency;
    const notes = projection
      ? [...new Set(projection.warnings.filter((w) => PLACE_WARNINGS.has(w.code)).map((w) => w.message))]
      : [];
    const first = projection?.years[0];
    const atHomePrices =
      first && currency === homeCurrency
        ? purchasingPowerEquivalent(first.salary, placeId, home, index)
        : null;
    const ownLevel = purchasingPowerEquivalent(100, placeId, 'US', index);
    return {
      placeId,
      name,
      position,
      style: seriesStyle(position),
      home: placeId === home,
      projection,
      error,
      currency,
      notes,
      otherCurrency: currency !== homeCurrency,
      atHomePrices,
      priceLevel: ownLevel.value === null ? null : ownLevel.fromRpp,
    };
  });
  const moves = plan.steps.flatMap((step) =>
    step.type === 'place'
      ? [
          `This plan moves to ${index.places.get(step.place)?.name ?? step.place} in ${step.year}; from then on every place here follows that move.`,
        ]
      : [],
  );
  return { home, rows, moves };
}

/** The figure after `n` years (cumulative net), or null if the plan is shorter. */
export function netAfterYears(projection: Projection | null, n: number): number | null {
  return projection?.years[n - 1]?.cumulativeNet ?? null;
}
