/**
 * File names made from plan and people's names ("Zoë O'Brien", "Ana/Luis Ruiz", "CON"), for every
 * export the app suggests or writes, safe on Windows, macOS and Linux alike (a lab's USB stick
 * moves between all three):
 *
 * - no character any of them forbids: < > : " / \ | ? * and control characters (replaced by
 *   "-"), nor invisible direction marks that could disguise a name (removed);
 * - no trailing dots or spaces (Windows drops them silently), no leading dot (hidden on macOS
 *   and Linux), no leading or doubled spaces;
 * - not a Windows device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9, with any extension and
 *   the superscript digits ¹²³), which Windows cannot create at all;
 * - at most `maxBytes` bytes of UTF-8 for the whole name (most file systems allow 255; we
 *   keep well under so a long folder path still fits Windows' classic 260-character limit),
 *   cut on a character boundary, never in the middle of an accented letter or an emoji;
 * - NFC (composed) Unicode, so "Zoë" typed on a Mac and on Windows is one name.
 */

const FORBIDDEN = /[<>:"/\\|?*\p{Cc}]/gu;
/** Bidirectional overrides and isolates, zero-width characters, the byte-order mark. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export const DEFAULT_MAX_NAME_BYTES = 120;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** The stem alone made safe: characters replaced, edges trimmed. Never empty. */
export function safeStem(text: string, fallback = 'Untitled'): string {
  const stem = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    // Tabs and line breaks are spaces; other control characters are forbidden.
    .replace(/\s+/g, ' ')
    .replace(FORBIDDEN, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return stem === '' ? fallback : stem;
}

/**
 * A safe file name: `stem` made safe, shortened to fit, plus `extension` (".pdf",
 * ".pathway.json"). The extension is kept whole; the stem gives way.
 */
export function safeFileName(stem: string, extension: string, maxBytes = DEFAULT_MAX_NAME_BYTES): string {
  let safe = safeStem(stem);
  safe = truncateUtf8(safe, Math.max(1, maxBytes - utf8Length(extension))).replace(/[\s.]+$/, '');
  if (safe === '') safe = '_';
  // Windows treats "CON.pdf" and "con.pathway.json" as the device: the part before the first dot counts.
  const beforeDot = safe.split('.')[0]!.trim();
  if (RESERVED.test(beforeDot)) safe = `_${safe}`;
  return `${safe}${extension}`;
}

/**
 * Hands out names that differ from each other and from those already `taken`, compared ignoring
 * case (Windows and macOS do): "Ana Ruiz.pdf", then "Ana Ruiz (2).pdf"…
 */
export function createNameAllocator(taken: Iterable<string> = [], maxBytes = DEFAULT_MAX_NAME_BYTES) {
  const used = new Set(Array.from(taken, (name) => name.normalize('NFC').toLowerCase()));
  return (stem: string, extension: string): string => {
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const base = safeFileName(stem, `${suffix}${extension}`, maxBytes);
      if (!used.has(base.toLowerCase())) {
        used.add(base.toLowerCase());
        return base;
      }
    }
  };
}

/** Appends `extension` (".pdf", ".pathway.json") unless the name already ends with one of `accepted`. */
export function withExtension(path: string, extension: string, accepted: readonly string[] = [extension]): string {
  const lower = path.toLowerCase();
  return accepted.some((ext) => lower.endsWith(ext.toLowerCase())) ? path : `${path}${extension}`;
}
