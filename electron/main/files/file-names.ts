/**
 * Suggested file names for exports, safe on Windows, macOS and Linux: no characters any of
 * them forbid, no reserved device names, not too long, and the right extension even when a
 * save dialog (GTK) leaves it to the user.
 */

// Windows forbids these and the control characters; "/" separates folders everywhere.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_STEM = 100;

/** "Texas MA plan: 2026/27?" → "Texas MA plan- 2026-27-". Never empty. */
export function safeFileStem(text: string, fallback = 'Plan'): string {
  const printable = Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c)).join('');
  let stem = printable.replace(FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/[\uD800-\uDBFF]$/, '').trim();
  if (stem === '') return fallback;
  return RESERVED.test(stem) ? `${stem} (plan)` : stem;
}

/** Appends `extension` (".pdf", ".pathway.json") unless the name already ends with one of `accepted`. */
export function withExtension(path: string, extension: string, accepted: readonly string[] = [extension]): string {
  const lower = path.toLowerCase();
  return accepted.some((ext) => lower.endsWith(ext.toLowerCase())) ? path : `${path}${extension}`;
}
