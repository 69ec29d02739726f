/**
 * The name of a duplicate: "Plan (copy)", then "Plan (copy 2)", "Plan (copy 3)"… Duplicating a
 * copy counts on from the original name instead of stacking "(copy) (copy)".
 */
import { MAX_PLAN_NAME } from '../../../shared/plan/schema';

const COPY_SUFFIX = / \(copy(?: \d+)?\)$/;

export function copyName(name: string, takenNames: Iterable<string>, maxLength = MAX_PLAN_NAME): string {
  const taken = new Set(Array.from(takenNames, (taken) => taken.toLocaleLowerCase()));
  const base = name.replace(COPY_SUFFIX, '');
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${truncate(base, maxLength - suffix.length)}${suffix}`.trim();
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/** Cuts to `length` UTF-16 units without splitting a surrogate pair (an emoji in a name). */
function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
