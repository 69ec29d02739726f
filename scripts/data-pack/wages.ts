/**
 * OEWS rows (as read from data/raw) → WageEstimate. Pure: no file access.
 * Only the annual columns are used (`a_mean`, `a_pct10` … `a_pct90`); a blank cell is a value the
 * publisher withheld or the extract does not carry, and becomes null, never 0.
 */
import type { WageEstimate } from '../../shared/datapack/schema';
import { placeIdForArea } from './us-areas';

/** Blank → null; otherwise a finite number or an error naming the column. */
export function optionalNumber(record: Record<string, string>, column: string): number | null {
  const cell = record[column];
  if (cell === undefined) throw new Error(`column "${column}" is missing`);
  const text = cell.trim();
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`column "${column}": "${cell}" is not a plain number`);
  return Number(text);
}

export function requiredNumber(record: Record<string, string>, column: string): number {
  const value = optionalNumber(record, column);
  if (value === null) throw new Error(`column "${column}" is blank`);
  return value;
}

/** One OEWS cross-industry row (national or state file) as a WageEstimate of the given source. */
export function wageEstimateFromOewsRow(record: Record<string, string>, sourceId: string): WageEstimate {
  return {
    soc: record.soc_code,
    placeId: placeIdForArea(record.area_code),
    year: requiredNumber(record, 'year'),
    mean: optionalNumber(record, 'a_mean'),
    p10: optionalNumber(record, 'a_pct10'),
    p25: optionalNumber(record, 'a_pct25'),
    median: optionalNumber(record, 'a_median'),
    p75: optionalNumber(record, 'a_pct75'),
    p90: optionalNumber(record, 'a_pct90'),
    sourceId,
  };
}

/** Stable order for the pack: by SOC, then year, then the nation before states, then place id. */
export function compareWages(a: WageEstimate, b: WageEstimate): number {
  if (a.soc !== b.soc) return a.soc < b.soc ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  if (a.placeId === b.placeId) return 0;
  if (a.placeId === 'US') return -1;
  if (b.placeId === 'US') return 1;
  return a.placeId < b.placeId ? -1 : 1;
}

/** Percent difference of `value` over `base`, rounded to one decimal (e.g. 29889 vs 27914 → 7.1). */
export function percentDifference(value: number, base: number): number {
  if (!(base > 0)) throw new Error(`percent difference over a non-positive base ${base}`);
  return Math.round(((value - base) / base) * 1000) / 10;
}
