/**
 * Combines PDF reports into one file: a student's plans into one PDF, or a whole class into one.
 *
 * Each report is printed on its own by the export feature's `renderPdf` (the same report as a
 * single export, footer and all); this appends their pages in order into one document with a
 * bookmark per report ("Ana Ruiz — Texas MA plan"), so a 120-page class file can be navigated.
 *
 * It reads PDFs with a classic cross-reference table (what Chromium's Skia back end writes). A
 * PDF it cannot read (a cross-reference stream, a broken table) makes `combinePdfs` throw
 * `PdfCombineError`; the caller then writes that report as a file of its own. Objects are copied
 * byte for byte (streams are never decoded), renumbered, and only those the pages and the
 * structure tree reach are kept. Tagged reports stay tagged: their structure trees become
 * children of one tree, with the parent-tree keys moved along, so a screen reader reads the
 * combined file as it reads each report.
 */

export class PdfCombineError extends Error {
  override name = 'PdfCombineError';
}

type Value =
  | { t: 'dict'; entries: Array<[string, Value]> }
  | { t: 'array'; items: Value[] }
  | { t: 'ref'; num: number; gen: number }
  /** Numbers, names, strings, booleans, null: kept as their source text. */
  | { t: 'raw'; text: string };

interface PdfObject {
  value: Value;
  /** Raw stream bytes (still encoded), if the object is a stream. */
  stream: Buffer | null;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** A cursor over the file's bytes, read as latin1 so one char is one byte. */
class Lexer {
  pos: number;
  constructor(
    readonly text: string,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (WHITESPACE.has(code)) this.pos += 1;
      else if (code === 0x25 /* % */) {
        while (this.pos < text.length && text[this.pos] !== '\n' && text[this.pos] !== '\r') this.pos += 1;
      } else break;
    }
  }

  /** A run of regular characters (a number, a keyword). */
  word(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.text.length) {
      const code = this.text.charCodeAt(this.pos);
      if (WHITESPACE.has(code) || DELIMITERS.has(code)) break;
      this.pos += 1;
    }
    return this.text.slice(start, this.pos);
  }

  expectWord(word: string): void {
    const at = this.pos;
    const found = this.word();
    if (found !== word) throw new PdfCombineError(`expected "${word}" at byte ${at}, found "${found.slice(0, 20)}"`);
  }

  value(): Value {
    this.skipSpace();
    const { text } = this;
    const c = text[this.pos];
    if (c === undefined) throw new PdfCombineError('the file ends inside an object');
    if (c === '<' && text[this.pos + 1] === '<') {
      this.pos += 2;
      const entries: Array<[string, Value]> = [];
      for (;;) {
        this.skipSpace();
        if (text.startsWith('>>', this.pos)) {
          this.pos += 2;
          return { t: 'dict', entries };
        }
        const key = this.value();
        if (key.t !== 'raw' || !key.text.startsWith('/')) throw new PdfCombineError(`a dictionary key is not a name at byte ${this.pos}`);
        entries.push([key.text.slice(1), this.value()]);
      }
    }
    if (c === '[') {
      this.pos += 1;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (text[this.pos] === ']') {
          this.pos += 1;
          return { t: 'array', items };
        }
        items.push(this.value());
      }
    }
    if (c === '(') return { t: 'raw', text: this.literalString() };
    if (c === '<') {
      const end = text.indexOf('>', this.pos);
      if (end < 0) throw new PdfCombineError('a hex string never ends');
      const raw = text.slice(this.pos, end + 1);
      this.pos = end + 1;
      return { t: 'raw', text: raw };
    }
    if (c === '/') {
      const start = this.pos;
      this.pos += 1;
      while (this.pos < text.length) {
        const code = text.charCodeAt(this.pos);
        if (WHITESPACE.has(code) || DELIMITERS.has(code)) break;
        this.pos += 1;
      }
      return { t: 'raw', text: text.slice(start, this.pos) };
    }
    const word = this.word();
    if (word === '') throw new PdfCombineError(`unexpected "${c}" at byte ${this.pos}`);
    if (/^\d+$/.test(word)) {
      // "12 0 R" is a reference; look ahead without consuming anything else.
      const save = this.pos;
      const gen = this.word();
      if (/^\d+$/.test(gen)) {
        const r = this.word();
        if (r === 'R') return { t: 'ref', num: Number(word), gen: Number(gen) };
      }
      this.pos = save;
    }
    return { t: 'raw', text: word };
  }

  literalString(): string {
    const { text } = this;
    const start = this.pos;
    let depth = 0;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '\\') this.pos += 2;
      else {
        if (c === '(') depth += 1;
        else if (c === ')') {
          depth -= 1;
          if (depth === 0) {
            this.pos += 1;
            return text.slice(start, this.pos);
          }
        }
        this.pos += 1;
      }
    }
    throw new PdfCombineError('a string never ends');
  }
}

function get(dict: Value | undefined, key: string): Value | undefined {
  if (!dict || dict.t !== 'dict') return undefined;
  return dict.entries.find(([k]) => k === key)?.[1];
}

function set(dict: Value, key: string, value: Value): void {
  if (dict.t !== 'dict') return;
  const at = dict.entries.findIndex(([k]) => k === key);
  if (at >= 0) dict.entries[at] = [key, value];
  else dict.entries.push([key, value]);
}

function remove(dict: Value, key: string): void {
  if (dict.t === 'dict') dict.entries = dict.entries.filter(([k]) => k !== key);
}

/** A tagged PDF's structure tree, as far as combining needs it. */
interface StructTree {
  /** The top elements (the root's /K), as references. */
  kids: Value[];
  /** The parent tree's entries (key → array or element), flattened. */
  nums: Array<[number, Value]>;
  nextKey: number;
  lang?: Value;
}

/** One parsed input PDF: its objects by number, and its page objects in order. */
interface ParsedPdf {
  version: string;
  objects: Map<number, PdfObject>;
  pages: number[];
  struct?: StructTree;
}

function parsePdf(bytes: Uint8Array): ParsedPdf {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const header = /^%PDF-(\d\.\d)/.exec(text);
  if (!header) throw new PdfCombineError('it is not a PDF (no %PDF- header)');
  const startxref = text.lastIndexOf('startxref');
  if (startxref < 0) throw new PdfCombineError('it has no startxref');
  const lexer = new Lexer(text, startxref + 'startxref'.length);
  const offsets = new Map<number, number>();
  let trailer: Value | undefined;
  let next: number | undefined = Number(lexer.word());
  const visited = new Set<number>();
  while (next !== undefined && Number.isFinite(next) && !visited.has(next)) {
    visited.add(next);
    lexer.pos = next;
    if (lexer.word() !== 'xref') {
      throw new PdfCombineError('its cross-reference is a stream (PDF 1.5 style), which this combiner does not read');
    }
    for (;;) {
      const save = lexer.pos;
      const first = lexer.word();
      if (first === 'trailer') break;
      const count = Number(lexer.word());
      if (!/^\d+$/.test(first) || !Number.isInteger(count)) {
        lexer.pos = save;
        throw new PdfCombineError('its cross-reference table is damaged');
      }
      for (let i = 0; i < count; i += 1) {
        const offset = Number(lexer.word());
        lexer.word(); // generation
        const kind = lexer.word();
        const num = Number(first) + i;
        // The newest section (read first) wins.
        if (kind === 'n' && !offsets.has(num)) offsets.set(num, offset);
        else if (kind === 'f' && !offsets.has(num)) offsets.set(num, -1);
      }
    }
    const sectionTrailer = lexer.value();
    trailer ??= sectionTrailer;
    const prev = get(sectionTrailer, 'Prev');
    next = prev?.t === 'raw' ? Number(prev.text) : undefined;
  }
  if (!trailer) throw new PdfCombineError('it has no trailer');

  const objects = new Map<number, PdfObject>();
  const readObject = (num: number): PdfObject | undefined => {
    const cached = objects.get(num);
    if (cached) return cached;
    const offset = offsets.get(num);
    if (offset === undefined || offset < 0) return undefined;
    const at = new Lexer(text, offset);
    if (Number(at.word()) !== num) throw new PdfCombineError(`object ${num} is not where the table says`);
    at.word();
    at.expectWord('obj');
    const value = at.value();
    at.skipSpace();
    let stream: Buffer | null = null;
    if (text.startsWith('stream', at.pos)) {
      let start = at.pos + 'stream'.length;
      if (text[start] === '\r') start += 1;
      if (text[start] === '\n') start += 1;
      const lengthValue = get(value, 'Length');
      let length: number;
      if (lengthValue?.t === 'raw') length = Number(lengthValue.text);
      else if (lengthValue?.t === 'ref') {
        const target = readObject(lengthValue.num);
        length = target?.value.t === 'raw' ? Number(target.value.text) : NaN;
      } else length = NaN;
      if (!Number.isInteger(length) || length < 0 || start + length > text.length) {
        throw new PdfCombineError(`object ${num}'s stream length is unreadable`);
      }
      stream = Buffer.from(bytes.buffer, bytes.byteOffset + start, length);
    }
    const object = { value, stream };
    objects.set(num, object);
    return object;
  };

  const root = get(trailer, 'Root');
  if (root?.t !== 'ref') throw new PdfCombineError('it has no document catalog');
  const catalog = readObject(root.num)?.value;
  const pagesRef = get(catalog, 'Pages');
  if (pagesRef?.t !== 'ref') throw new PdfCombineError('it has no page tree');

  // Walk the page tree; attributes a leaf inherits from its parents are copied onto it.
  const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];
  const pages: number[] = [];
  const walk = (num: number, inherited: Map<string, Value>, depth: number) => {
    if (depth > 64) throw new PdfCombineError('its page tree is too deep (a loop?)');
    const node = readObject(num);
    if (!node || node.value.t !== 'dict') throw new PdfCombineError(`page tree node ${num} is missing`);
    const type = get(node.value, 'Type');
    const here = new Map(inherited);
    for (const key of INHERITED) {
      const own = get(node.value, key);
      if (own) here.set(key, own);
    }
    if (type?.t === 'raw' && type.text === '/Pages') {
      const kids = get(node.value, 'Kids');
      if (kids?.t !== 'array') throw new PdfCombineError(`page tree node ${num} has no kids`);
      for (const kid of kids.items) if (kid.t === 'ref') walk(kid.num, here, depth + 1);
    } else {
      for (const [key, value] of here) if (!get(node.value, key)) set(node.value, key, value);
      pages.push(num);
    }
  };
  walk(pagesRef.num, new Map(), 0);
  if (pages.length === 0) throw new PdfCombineError('it has no pages');

  // Everything the pages reach (fonts, images, contents, annotations), except the old tree.
  const reach = (value: Value) => {
    if (value.t === 'ref') {
      if (!visitedObjects.has(value.num)) {
        visitedObjects.add(value.num);
        const object = readObject(value.num);
        if (object) reach(object.value);
      }
    } else if (value.t === 'dict') {
      for (const [key, child] of value.entries) if (key !== 'Parent' && key !== 'P') reach(child);
    } else if (value.t === 'array') value.items.forEach(reach);
  };
  const visitedObjects = new Set<number>(pages);
  for (const page of pages) reach(objects.get(page)!.value);

  const resolve = (value: Value | undefined): Value | undefined =>
    value?.t === 'ref' ? readObject(value.num)?.value : value;
  let struct: StructTree | undefined;
  const structRoot = resolve(get(catalog, 'StructTreeRoot'));
  if (structRoot?.t === 'dict') {
    const k = get(structRoot, 'K');
    const kids = k === undefined ? [] : k.t === 'array' ? k.items : [k];
    const nums: Array<[number, Value]> = [];
    const collect = (node: Value | undefined, depth: number) => {
      if (!node || node.t !== 'dict' || depth > 32) return;
      const flat = get(node, 'Nums');
      if (flat?.t === 'array') {
        for (let i = 0; i + 1 < flat.items.length; i += 2) {
          const key = flat.items[i]!;
          if (key.t === 'raw' && /^\d+$/.test(key.text)) nums.push([Number(key.text), flat.items[i + 1]!]);
        }
      }
      const children = get(node, 'Kids');
      if (children?.t === 'array') for (const child of children.items) collect(resolve(child), depth + 1);
    };
    collect(resolve(get(structRoot, 'ParentTree')), 0);
    const next = get(structRoot, 'ParentTreeNextKey');
    const nextKey = next?.t === 'raw' && /^\d+$/.test(next.text) ? Number(next.text) : Math.max(-1, ...nums.map(([key]) => key)) + 1;
    const lang = get(catalog, 'Lang');
    struct = { kids, nums, nextKey, ...(lang ? { lang } : {}) };
    kids.forEach(reach);
    for (const [, value] of nums) reach(value);
  }
  const kept = new Map<number, PdfObject>();
  for (const num of visitedObjects) {
    const object = objects.get(num);
    if (object) kept.set(num, object);
  }
  return { version: header[1]!, objects: kept, pages, ...(struct ? { struct } : {}) };
}

function serialize(value: Value): string {
  switch (value.t) {
    case 'raw':
      return value.text;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'array':
      return `[${value.items.map(serialize).join(' ')}]`;
    case 'dict':
      return `<<${value.entries.map(([k, v]) => `/${k} ${serialize(v)}`).join('\n')}>>`;
  }
}

function renumber(value: Value, map: Map<number, number>): Value {
  switch (value.t) {
    case 'raw':
      return value;
    case 'ref': {
      const num = map.get(value.num);
      // A reference to something not copied (a structure element, a named destination) becomes null.
      return num === undefined ? { t: 'raw', text: 'null' } : { t: 'ref', num, gen: 0 };
    }
    case 'array':
      return { t: 'array', items: value.items.map((v) => renumber(v, map)) };
    case 'dict':
      return { t: 'dict', entries: value.entries.map(([k, v]) => [k, renumber(v, map)]) };
  }
}

/** A PDF text string: plain ASCII as a literal, anything else as UTF-16BE with a byte-order mark. */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

export interface PdfPart {
  /** The report's bytes, as printed. */
  pdf: Uint8Array;
  /** Its bookmark in the combined file. */
  title: string;
}

/**
 * One PDF with every part's pages in order, a bookmark per part, and `title` as the document
 * title. Throws PdfCombineError naming the part it could not read.
 */
export function combinePdfs(parts: readonly PdfPart[], options: { title: string; createdAt: Date }): Uint8Array {
  if (parts.length === 0) throw new PdfCombineError('there is nothing to combine');
  const parsed = parts.map((part) => {
    try {
      return parsePdf(part.pdf);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new PdfCombineError(`"${part.title}" could not be added to the combined PDF: ${why}`, { cause: error });
    }
  });

  const chunks: Buffer[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(buffer);
    length += buffer.length;
  };
  const version = parsed.reduce((max, p) => (p.version > max ? p.version : max), '1.4');
  push(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`);

  // Numbers: 1 catalog, 2 page tree, 3 info, 4 outline root, 5 structure tree root, 6 its
  // parent tree; then each part's objects, then the bookmarks.
  let nextNum = 7;
  const write = (num: number, value: Value, stream: Buffer | null) => {
    offsets[num] = length;
    if (stream) set(value, 'Length', { t: 'raw', text: String(stream.length) });
    push(`${num} 0 obj\n${serialize(value)}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };

  const allPages: number[] = [];
  const firstPages: number[] = [];
  const structKids: Value[] = [];
  const structNums: Value[] = [];
  let keyOffset = 0;
  let lang: Value | undefined;
  for (const pdf of parsed) {
    const map = new Map<number, number>();
    for (const num of pdf.objects.keys()) map.set(num, nextNum++);
    const topElements = new Set(pdf.struct?.kids.flatMap((k) => (k.t === 'ref' ? [k.num] : [])) ?? []);
    for (const [num, object] of pdf.objects) {
      const value = renumber(object.value, map);
      if (pdf.pages.includes(num)) set(value, 'Parent', { t: 'ref', num: 2, gen: 0 });
      // Parent-tree keys move along by the keys of the parts before this one.
      for (const key of ['StructParents', 'StructParent']) {
        const own = get(value, key);
        if (!pdf.struct) remove(value, key);
        else if (own?.t === 'raw' && /^\d+$/.test(own.text)) set(value, key, { t: 'raw', text: String(Number(own.text) + keyOffset) });
      }
      if (topElements.has(num)) set(value, 'P', { t: 'ref', num: 5, gen: 0 });
      write(map.get(num)!, value, object.stream);
    }
    if (pdf.struct) {
      structKids.push(...pdf.struct.kids.map((k) => renumber(k, map)));
      for (const [key, value] of pdf.struct.nums) {
        structNums.push({ t: 'raw', text: String(key + keyOffset) }, renumber(value, map));
      }
      keyOffset += pdf.struct.nextKey;
      lang ??= pdf.struct.lang;
    }
    firstPages.push(map.get(pdf.pages[0]!)!);
    allPages.push(...pdf.pages.map((num) => map.get(num)!));
  }
  const tagged = structKids.length > 0;
  if (tagged) {
    write(
      5,
      {
        t: 'dict',
        entries: [
          ['Type', { t: 'raw', text: '/StructTreeRoot' }],
          ['K', { t: 'array', items: structKids }],
          ['ParentTree', { t: 'ref', num: 6, gen: 0 }],
          ['ParentTreeNextKey', { t: 'raw', text: String(keyOffset) }],
        ],
      },
      null,
    );
    write(6, { t: 'dict', entries: [['Nums', { t: 'array', items: structNums }]] }, null);
  }

  const bookmarks = parts.map(() => nextNum++);
  bookmarks.forEach((num, i) => {
    const entries: Array<[string, Value]> = [
      ['Title', { t: 'raw', text: pdfTextString(parts[i]!.title) }],
      ['Parent', { t: 'ref', num: 4, gen: 0 }],
      ['Dest', { t: 'array', items: [{ t: 'ref', num: firstPages[i]!, gen: 0 }, { t: 'raw', text: '/Fit' }] }],
    ];
    if (i > 0) entries.push(['Prev', { t: 'ref', num: bookmarks[i - 1]!, gen: 0 }]);
    if (i < bookmarks.length - 1) entries.push(['Next', { t: 'ref', num: bookmarks[i + 1]!, gen: 0 }]);
    write(num, { t: 'dict', entries }, null);
  });
  const ref = (num: number): Value => ({ t: 'ref', num, gen: 0 });
  write(
    4,
    {
      t: 'dict',
      entries: [
        ['Type', { t: 'raw', text: '/Outlines' }],
        ['First', ref(bookmarks[0]!)],
        ['Last', ref(bookmarks[bookmarks.length - 1]!)],
        ['Count', { t: 'raw', text: String(bookmarks.length) }],
      ],
    },
    null,
  );
  write(
    2,
    {
      t: 'dict',
      entries: [
        ['Type', { t: 'raw', text: '/Pages' }],
        ['Count', { t: 'raw', text: String(allPages.length) }],
        ['Kids', { t: 'array', items: allPages.map(ref) }],
      ],
    },
    null,
  );
  write(
    3,
    {
      t: 'dict',
      entries: [
        ['Title', { t: 'raw', text: pdfTextString(options.title) }],
        ['Producer', { t: 'raw', text: '(Pathway Planner)' }],
        ['CreationDate', { t: 'raw', text: pdfDate(options.createdAt) }],
      ],
    },
    null,
  );
  write(
    1,
    {
      t: 'dict',
      entries: [
        ['Type', { t: 'raw', text: '/Catalog' }],
        ['Pages', ref(2)],
        ['Outlines', ref(4)],
        ['PageMode', { t: 'raw', text: '/UseOutlines' }],
        ['ViewerPreferences', { t: 'dict', entries: [['DisplayDocTitle', { t: 'raw', text: 'true' }]] }],
        ...(tagged
          ? ([
              ['MarkInfo', { t: 'dict', entries: [['Marked', { t: 'raw', text: 'true' }]] }],
              ['StructTreeRoot', ref(5)],
            ] as Array<[string, Value]>)
          : []),
        ...(lang ? ([['Lang', lang]] as Array<[string, Value]>) : []),
      ],
    },
    null,
  );

  const xrefAt = length;
  const size = nextNum;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let num = 1; num < size; num += 1) {
    const offset = offsets[num];
    xref += offset === undefined ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`;
  }
  push(xref);
  push(`trailer\n<</Size ${size}\n/Root 1 0 R\n/Info 3 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks, length));
}

/** How many pages a PDF has (for tests and the summary); throws PdfCombineError if unreadable. */
export function pdfPageCount(bytes: Uint8Array): number {
  return parsePdf(bytes).pages.length;
}
