/**
 * The year-by-year table as CSV for a spreadsheet: RFC 4180 (papaparse), CRLF line ends,
 * UTF-8 with a byte-order mark (so Excel on Windows reads "é" and "–" right), one header row in
 * plain words and one row per year. Money and hours are plain numbers (no "$", no thousands
 * separators) so the spreadsheet can add them up. Text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @) are escaped by papaparse.
 */
import Papa from 'papaparse';
import type { DataPack } from '../../../shared/datapack/schema';
import { toIndex, type DataPackIndex } from '../../../shared/engine/data-pack-index';
import type { Projection } from '../../../shared/engine/types';

export const CSV_BOM = '\uFEFF';

export function projectionCsvHeader(projection: Projection): string[] {
  const money = `${projection.currency}, ${projection.dollars === 'nominal' ? 'future dollars' : "today's dollars"}`;
  const [low, high] = projection.band === 'p10-p90' ? ['10th', '90th'] : ['25th', '75th'];
  return [
    'Year',
    'Role',
    'Place',
    'Work setting',
    'Hours per week',
    'Certifications held',
    `Salary (${money})`,
    `Likely range low, ${low} percentile (${money})`,
    `Likely range high, ${high} percentile (${money})`,
    `Costs this year (${money})`,
    `Earned so far after costs (${money})`,
    'Notes',
  ];
}

export function projectionCsvRows(projection: Projection, pack: DataPack | DataPackIndex): Array<Array<string | number>> {
  const index = toIndex(pack);
  return projection.years.map((y) => [
    y.year,
    index.roles.get(y.role)?.title ?? y.role,
    index.places.get(y.place)?.name ?? y.place,
    index.settings.get(y.setting)?.name ?? y.setting,
    y.hoursPerWeek,
    y.certifications.map((id) => index.certifications.get(id)?.abbreviation ?? id).join('; '),
    y.salary,
    y.salaryLow,
    y.salaryHigh,
    y.costs,
    y.cumulativeNet,
    y.warnings.map((w) => w.message).join(' '),
  ]);
}

export function projectionCsv(projection: Projection, pack: DataPack | DataPackIndex): string {
  const text = Papa.unparse(
    { fields: projectionCsvHeader(projection), data: projectionCsvRows(projection, pack) },
    { newline: '\r\n', quotes: false, escapeFormulae: true },
  );
  // RFC 4180: every record, the last one too, ends with CRLF.
  return `${CSV_BOM}${text}\r\n`;
}
