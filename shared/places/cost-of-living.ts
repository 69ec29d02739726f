/**
 * What pay is worth in another place, using the BEA regional price parities (RPP, all items,
 * U.S. = 100) in the data pack:
 *
 *   value = amount × toRpp ÷ fromRpp
 *
 * i.e. the amount that buys in `to` what `amount` buys in `from`. Example: California 110.72 and
 * Ohio 92.774 → $54,000 in California buys what $54,000 × 92.774 ÷ 110.72 ≈ $45,247 buys in Ohio.
 *
 * - The nation ("US") uses its own row (100). States and DC use theirs.
 * - A city uses its state's RPP (BEA publishes state figures, not the guide's cities).
 * - Places outside the 50 states and DC have no RPP: countries (another currency, and BEA covers
 *   only the U.S.) and the territories (BEA publishes none for them). The answer is then
 *   `{ value: null, reason }`, with a plain sentence as the reason.
 * - Both parities come from the same year: the newest year both places have. Pure.
 */
import type { DataPack, Place, PriceLevel } from '../datapack/schema';
import type { DataPackIndex } from '../engine/data-pack-index';
import { toIndex } from '../engine/data-pack-index';
import { formatMoney } from '../engine/money';

export type PurchasingPower =
  | {
      /** The amount in `to` that buys what `amount` buys in `from` (not rounded). */
      value: number;
      fromRpp: number;
      toRpp: number;
      /** The BEA release both parities come from. */
      sourceId: string;
      /** Their reference year. */
      year: number;
    }
  | { value: null; reason: string };

/** The place whose RPP stands for `place` (itself, or a city's state), or why there is none. */
function rppPlace(place: Place, index: DataPackIndex): Place | string {
  switch (place.kind) {
    case 'nation':
    case 'state':
      return place;
    case 'city': {
      const parent = place.parentId ? index.places.get(place.parentId) : undefined;
      if (!parent || parent.kind === 'city')
        return `${place.name} has no state in the data pack to take prices from.`;
      return rppPlace(parent, index);
    }
    case 'territory':
      return `BEA publishes no price level for ${place.name}, so prices there cannot be compared.`;
    case 'country':
      return `${place.name} is outside the U.S.; BEA price levels cover only the 50 states and DC, so prices there cannot be compared this way.`;
  }
}

function levelsOf(placeId: string, pack: DataPack): Map<number, PriceLevel> {
  return new Map(pack.priceLevels.filter((p) => p.placeId === placeId).map((p) => [p.year, p]));
}

export function purchasingPowerEquivalent(
  amount: number,
  fromPlace: string,
  toPlace: string,
  pack: DataPack | DataPackIndex,
): PurchasingPower {
  const index = toIndex(pack);
  const ends: Place[] = [];
  for (const id of [fromPlace, toPlace]) {
    const place = index.places.get(id);
    if (!place) return { value: null, reason: `The data pack has no place "${id}".` };
    const priced = rppPlace(place, index);
    if (typeof priced === 'string') return { value: null, reason: priced };
    ends.push(priced);
  }
  const [from, to] = ends as [Place, Place];
  const fromLevels = levelsOf(from.id, index.pack);
  const toLevels = levelsOf(to.id, index.pack);
  const years = [...fromLevels.keys()].filter((y) => toLevels.has(y)).sort((x, y) => y - x);
  const year = years[0];
  if (year === undefined) {
    const missing = fromLevels.size === 0 ? from : toLevels.size === 0 ? to : null;
    return {
      value: null,
      reason: missing
        ? `The data pack has no price level for ${missing.name}.`
        : `The data pack has no price levels for ${from.name} and ${to.name} from the same year.`,
    };
  }
  const fromLevel = fromLevels.get(year)!;
  const toLevel = toLevels.get(year)!;
  return {
    value: (amount * toLevel.rppAllItems) / fromLevel.rppAllItems,
    fromRpp: fromLevel.rppAllItems,
    toRpp: toLevel.rppAllItems,
    sourceId: fromLevel.sourceId,
    year,
  };
}

/** "California", "the United States", "Soledad, CA". */
function placeName(place: Place): string {
  return place.kind === 'nation' ? `the ${place.name}` : place.name;
}

/**
 * "$54,000 in California buys what $45,247 buys in Ohio." (whole dollars). A city adds which
 * state's prices were used; when there is no answer, the reason is returned instead.
 */
export function purchasingPowerSentence(
  amount: number,
  fromPlace: string,
  toPlace: string,
  pack: DataPack | DataPackIndex,
): string {
  const index = toIndex(pack);
  const result = purchasingPowerEquivalent(amount, fromPlace, toPlace, index);
  if (result.value === null) return result.reason;
  const from = index.places.get(fromPlace)!;
  const to = index.places.get(toPlace)!;
  let sentence = `${formatMoney(amount, 'USD')} in ${placeName(from)} buys what ${formatMoney(result.value, 'USD')} buys in ${placeName(to)}`;
  const cities = [from, to].filter((p) => p.kind === 'city');
  if (cities.length > 0) {
    const notes = cities.map(
      (city) => `${index.places.get(city.parentId!)?.name ?? city.parentId}'s prices for ${city.name}`,
    );
    sentence += ` (using ${[...new Set(notes)].join(' and ')})`;
  }
  return `${sentence}.`;
}
