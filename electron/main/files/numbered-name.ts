/**
 * A free name for an imported plan whose name is taken: "Texas MA plan (2)", then "(3)"…
 * A name that already ends in " (n)" counts on from its base ("Plan (2)" → "Plan (3)"), never
 * "Plan (2) (2)". Names compare without regard to case, as the plan list shows them.
 */
import { MAX_PLAN_NAME } from '../../../shared/plan/schema';
import { truncateName } from '../../../shared/text/names';

const NUMBER_SUFFIX = / \((\d+)\)$/;

export function numberedName(name: string, takenNames: Iterable<string>, maxLength = MAX_PLAN_NAME): string {
  const taken = new Set(Array.from(takenNames, (n) => n.toLocaleLowerCase()));
  if (!taken.has(name.toLocaleLowerCase())) return name;
  const match = NUMBER_SUFFIX.exec(name);
  const base = match ? name.slice(0, match.index) : name;
  for (let n = match ? Number(match[1]) + 1 : 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${truncateName(base, maxLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
