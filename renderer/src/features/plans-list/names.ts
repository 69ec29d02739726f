/** Names for new plans. Pure. */
import type { NameWords } from '../../components/name-problem';

/** How a plan name's problems are worded, in every field that edits one. */
export const PLAN_NAME_WORDS: NameWords = { subject: 'The plan name', empty: 'Give your plan a name.' };

/** "My plan", or "My plan 2", "My plan 3"… when that name is taken. */
export function uniquePlanName(taken: readonly string[], base = 'My plan'): string {
  const names = new Set(taken.map((n) => n.trim().toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}
