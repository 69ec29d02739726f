/** Lists in a sentence: "a", "a and b", "a, b and c" (no serial comma, as the guides write). */
export function andList(items: readonly string[]): string {
  return joinLast(items, 'and');
}

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  return joinLast(items, 'or');
}

function joinLast(items: readonly string[], word: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
