/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, line breaks and doubled quotes
 * (`""`); records end in LF or CRLF. Strict on purpose: a ragged row or an unterminated quote
 * is an error, because a silently shifted column would put a wage in the wrong field.
 */

export class CsvError extends Error {}

/** Splits CSV text into rows of raw string fields (no trimming, no type conversion). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldWasQuoted = false;
  let line = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text; // drop a UTF-8 byte-order mark

  const endField = () => {
    row.push(field);
    field = '';
    fieldWasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || fieldWasQuoted)
        throw new CsvError(`line ${line}: a quote inside an unquoted field`);
      inQuotes = true;
      fieldWasQuoted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\r' && input[i + 1] === '\n') {
      // CRLF: the LF ends the row on the next turn.
    } else if (ch === '\n') {
      endRow();
      line += 1;
    } else {
      if (fieldWasQuoted) throw new CsvError(`line ${line}: text after a closing quote`);
      field += ch;
    }
  }
  if (inQuotes) throw new CsvError(`line ${line}: a quoted field is not closed`);
  // The last record may lack a final line break; an empty final line is not a record.
  if (field !== '' || fieldWasQuoted || row.length > 0) endRow();
  return rows;
}

export interface CsvRecordOptions {
  /**
   * Rejoin extra fields into the last column with commas. Only for files whose last column is
   * free text that a writer left unquoted (certification_wage_evidence.csv has one such row:
   * "a sample of >35,000 MAs" in `notes`). Fewer fields than the header is still an error.
   */
  overflowIntoLastColumn?: boolean;
}

/** Rows as objects keyed by the header row; every row must have exactly the header's width. */
export function parseCsvRecords(text: string, options: CsvRecordOptions = {}): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new CsvError('the file is empty');
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '' || seen.has(name)) throw new CsvError(`header: empty or repeated column name "${name}"`);
    seen.add(name);
  }
  return rows.map((fields, index) => {
    const cells =
      options.overflowIntoLastColumn && fields.length > header.length
        ? [...fields.slice(0, header.length - 1), fields.slice(header.length - 1).join(',')]
        : fields;
    if (cells.length !== header.length) {
      throw new CsvError(`record ${index + 1}: ${cells.length} fields, header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = cells[column];
    });
    return record;
  });
}
