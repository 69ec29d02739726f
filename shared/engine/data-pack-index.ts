/**
 * A data pack turned into lookups. The UI projects a plan on every keystroke, so everything the
 * engine asks of the pack is answered here from a Map built once per pack: ids → records, and
 * the three wage ratios (place, setting, band) precomputed per SOC.
 */
import type {
  Certification,
  CountryPayRange,
  DataPack,
  Place,
  Program,
  Role,
  Setting,
  Source,
  Track,
  WageEstimate,
} from '../datapack/schema';

/** A factor taken from published numbers: numerator ÷ denominator of one release. */
export interface WageRatio {
  factor: number;
  sourceId: string;
  /** The OEWS (or OOH) reference year both numbers come from. */
  year: number;
  /** Which statistic the ratio uses. */
  basis: 'median' | 'mean';
}

/** salaryLow ÷ salary and salaryHigh ÷ salary for a role's SOC. */
export interface BandRatios {
  low: number;
  high: number;
  sourceId: string;
  year: number;
}

export interface DataPackIndex {
  readonly kind: 'pathway-planner/datapack-index';
  readonly pack: DataPack;
  readonly sources: ReadonlyMap<string, Source>;
  readonly tracks: ReadonlyMap<string, Track>;
  readonly roles: ReadonlyMap<string, Role>;
  readonly places: ReadonlyMap<string, Place>;
  readonly settings: ReadonlyMap<string, Setting>;
  readonly certifications: ReadonlyMap<string, Certification>;
  readonly programs: ReadonlyMap<string, Program>;
  /** State (or territory) median ÷ U.S. median of the newest release with both, else the mean ratio. */
  placeRatio(soc: string, placeId: string): WageRatio | null;
  /** Setting median ÷ national median of the newest SettingMedian row for the SOC. */
  settingRatio(soc: string, settingId: string): WageRatio | null;
  /** P25/median and P75/median (or P10/P90) of the newest national release that has them. */
  bandRatios(soc: string, band: 'p25-p75' | 'p10-p90'): BandRatios | null;
  countryPay(placeId: string, trackId: string): CountryPayRange | null;
}

export const NATION_PLACE_ID = 'US';

const key = (a: string, b: string): string => `${a}|${b}`;

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** All wage rows of one SOC in one place, grouped by release year. */
type RowsByYear = Map<number, WageEstimate[]>;

function groupWages(wages: readonly WageEstimate[]): Map<string, RowsByYear> {
  const grouped = new Map<string, RowsByYear>();
  for (const row of wages) {
    const k = key(row.soc, row.placeId);
    let years = grouped.get(k);
    if (!years) grouped.set(k, (years = new Map()));
    const rows = years.get(row.year);
    if (rows) rows.push(row);
    else years.set(row.year, [row]);
  }
  return grouped;
}

/** The first row of the year with the statistic filled (a pack may carry a release twice, from two files). */
function rowWith(
  rows: readonly WageEstimate[] | undefined,
  pick: (row: WageEstimate) => number | null,
): WageEstimate | null {
  return rows?.find((row) => pick(row) !== null) ?? null;
}

function newestRatio(place: RowsByYear, nation: RowsByYear, basis: 'median' | 'mean'): WageRatio | null {
  const years = [...place.keys()].sort((a, b) => b - a);
  for (const year of years) {
    const top = rowWith(place.get(year), (row) => row[basis]);
    const bottom = rowWith(nation.get(year), (row) => row[basis]);
    if (top && bottom) {
      return { factor: top[basis]! / bottom[basis]!, sourceId: top.sourceId, year, basis };
    }
  }
  return null;
}

function buildPlaceRatios(grouped: Map<string, RowsByYear>): Map<string, WageRatio> {
  const ratios = new Map<string, WageRatio>();
  for (const [k, place] of grouped) {
    const [soc, placeId] = k.split('|') as [string, string];
    if (placeId === NATION_PLACE_ID) continue;
    const nation = grouped.get(key(soc, NATION_PLACE_ID));
    if (!nation) continue;
    // Medians first (the newest release with a state median), else means; numerator and
    // denominator always from the same release so the ratio is not skewed by wage growth.
    const ratio = newestRatio(place, nation, 'median') ?? newestRatio(place, nation, 'mean');
    if (ratio) ratios.set(k, ratio);
  }
  return ratios;
}

function buildBandRatios(
  grouped: Map<string, RowsByYear>,
  band: 'p25-p75' | 'p10-p90',
): Map<string, BandRatios> {
  const ratios = new Map<string, BandRatios>();
  const [lowKey, highKey] = band === 'p25-p75' ? (['p25', 'p75'] as const) : (['p10', 'p90'] as const);
  for (const [k, nation] of grouped) {
    const [soc, placeId] = k.split('|') as [string, string];
    if (placeId !== NATION_PLACE_ID) continue;
    const years = [...nation.keys()].sort((a, b) => b - a);
    for (const year of years) {
      const row = nation
        .get(year)!
        .find((r) => r.median !== null && r[lowKey] !== null && r[highKey] !== null);
      if (!row) continue;
      // Clamp so a published oddity can never put salary outside its own band.
      const low = Math.min(1, row[lowKey]! / row.median!);
      const high = Math.max(1, row[highKey]! / row.median!);
      ratios.set(soc, { low, high, sourceId: row.sourceId, year });
      break;
    }
  }
  return ratios;
}

function buildSettingRatios(settings: readonly Setting[]): Map<string, WageRatio> {
  const ratios = new Map<string, WageRatio>();
  for (const setting of settings) {
    for (const row of setting.medians) {
      const k = key(row.soc, setting.id);
      const existing = ratios.get(k);
      if (existing && existing.year >= row.year) continue;
      ratios.set(k, {
        factor: row.median / row.nationalMedian,
        sourceId: row.sourceId,
        year: row.year,
        basis: 'median',
      });
    }
  }
  return ratios;
}

/** Two-level lookups (a → b → value): keyed by existing id strings, whose hashes V8 caches. */
class PairMap<T> {
  private readonly outer = new Map<string, Map<string, T>>();
  set(a: string, b: string, value: T): void {
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    inner.set(b, value);
  }
  get(a: string, b: string): T | null {
    return this.outer.get(a)?.get(b) ?? null;
  }
}

function pairMap<T>(entries: Iterable<[string, T]>): PairMap<T> {
  const map = new PairMap<T>();
  for (const [k, value] of entries) {
    const [a, b] = k.split('|') as [string, string];
    map.set(a, b, value);
  }
  return map;
}

const indexCache = new WeakMap<DataPack, DataPackIndex>();

/** Builds (once per pack object) the lookups the engine uses. */
export function indexDataPack(pack: DataPack): DataPackIndex {
  const cached = indexCache.get(pack);
  if (cached) return cached;

  const grouped = groupWages(pack.wages);
  const placeRatios = pairMap(buildPlaceRatios(grouped));
  const settingRatios = pairMap(buildSettingRatios(pack.settings));
  const bands = {
    'p25-p75': buildBandRatios(grouped, 'p25-p75'),
    'p10-p90': buildBandRatios(grouped, 'p10-p90'),
  };
  const countryPay = pairMap(pack.countryPay.map((row) => [key(row.placeId, row.trackId), row]));

  const index: DataPackIndex = {
    kind: 'pathway-planner/datapack-index',
    pack,
    sources: byId(pack.sources),
    tracks: byId(pack.tracks),
    roles: byId(pack.roles),
    places: byId(pack.places),
    settings: byId(pack.settings),
    certifications: byId(pack.certifications),
    programs: byId(pack.programs),
    placeRatio: (soc, placeId) => placeRatios.get(soc, placeId),
    settingRatio: (soc, settingId) => settingRatios.get(soc, settingId),
    bandRatios: (soc, band) => bands[band].get(soc) ?? null,
    countryPay: (placeId, trackId) => countryPay.get(placeId, trackId),
  };
  indexCache.set(pack, index);
  return index;
}

export function isDataPackIndex(value: DataPack | DataPackIndex): value is DataPackIndex {
  return (value as DataPackIndex).kind === 'pathway-planner/datapack-index';
}

export function toIndex(pack: DataPack | DataPackIndex): DataPackIndex {
  return isDataPackIndex(pack) ? pack : indexDataPack(pack);
}
