/**
 * Headings of a Markdown document for its table of contents, and the ids the rendered headings
 * carry so the contents can jump to them. Pure, unit-tested.
 */

/** "Place (U.S. states, territories and cities)" → "place-us-states-territories-and-cities". */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[`*_~[\]()'"‘’“”.,:;!?/\\]/g, '')
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/** Inline Markdown to plain text: `code`, **bold**, _em_, [label](url). */
export function plainText(inline: string): string {
  return inline
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(\*|_)(.*?)\1/g, '$2')
    .trim();
}

/** ATX headings (`## Title`) from `minLevel` to `maxLevel`, outside fenced code blocks. */
export function headingsOf(markdown: string, minLevel = 2, maxLevel = 3): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const match = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const level = match[1]!.length;
    if (level < minLevel || level > maxLevel) continue;
    const text = plainText(match[2]!);
    headings.push({ level, text, id: slugify(text) });
  }
  return headings;
}
