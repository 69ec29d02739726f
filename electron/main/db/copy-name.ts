/**
 * The name of a duplicate: "Plan (copy)", then "Plan (copy 2)", "Plan (copy 3)"… Duplicating a
 * copy counts on from the original name instead of stacking "(copy) (copy)".
 */
import { MAX_PLAN_NAME } from '../../../shared/plan/schema';
import { truncateName } from '../../../shared/text/names';

const COPY_SUFFIX = / \(copy(?: \d+)?\)$/;

export function copyName(name: string, takenNames: Iterable<string>, maxLength = MAX_PLAN_NAME): string {
  const taken = new Set(Array.from(takenNames, (taken) => taken.toLocaleLowerCase()));
  const base = name.replace(COPY_SUFFIX, '');
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${truncateName(base, maxLength - suffix.length)}${suffix}`.trim();
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
