/**
 * Suggests the promotions a plan is missing: role steps up the ladder of the plan's start role
 * (its track's roleIds, entry to top), each in the year the person reaches the role's usual
 * experience as the guide prints it:
 *
 *   year = startYear + nextRole.typicalYears.min − (start.yearsExperience ?? 0)
 *
 * Only the new steps are returned (sorted by year); the caller adds them to the plan. Pure.
 *
 * Edge cases, and what happens:
 * - Unknown start role or track, or the start role is the top of its ladder (or the ladder has
 *   one role, e.g. the LPN track): no suggestions.
 * - A promotion already on the plan (a role step to that role, in any year) is never suggested
 *   again; the next suggestion comes after that step's year.
 * - yearsExperience > 0 moves every promotion earlier by that many years. A promotion whose usual
 *   year is already reached (or passed) at the start is not put in the start year (the start role
 *   is what the person holds then) but in the first year after it.
 * - At most one promotion a year: if two fall in the same year (long experience, or a step that
 *   was due before the start), the later one moves to the year after.
 * - Short horizon: nothing after the plan's last year (startYear + years − 1); since each rung
 *   comes after the one below, the first one that does not fit ends the suggestions.
 * - A ladder role with no usual years (typicalYears null) ends the suggestions: there is no year
 *   to put it in, and the rungs above it come after it.
 * - The plan's own role steps win. A rung is skipped when, in its year, the plan already holds
 *   that rung or a higher one, or has left the ladder (e.g. moved to office manager or LPN); when
 *   the plan has its own role step in that same year; or when the plan's next own role step after
 *   it goes to that rung or a lower one (the suggestion would turn that step into a demotion).
 */
import type { DataPack } from '../datapack/schema';
import type { DataPackIndex } from '../engine/data-pack-index';
import { toIndex } from '../engine/data-pack-index';
import type { Plan, Step } from '../plan/schema';

type RoleStep = Extract<Step, { type: 'role' }>;

export function suggestPromotionSteps(plan: Plan, pack: DataPack | DataPackIndex): Step[] {
  const index = toIndex(pack);
  const startRole = index.roles.get(plan.start.role);
  const track = startRole ? index.tracks.get(startRole.trackId) : undefined;
  if (!startRole || !track) return [];
  const ladder = track.roleIds;
  const startRung = ladder.indexOf(startRole.id);
  if (startRung < 0) return [];

  const experience = plan.start.yearsExperience ?? 0;
  const lastYear = plan.startYear + plan.years - 1;
  // The plan's own role steps in time order (plan order within a year, as the engine applies them).
  const own = plan.steps
    .map((step, order) => ({ step, order }))
    .filter((s): s is { step: RoleStep; order: number } => s.step.type === 'role')
    .sort((a, b) => a.step.year - b.step.year || a.order - b.order)
    .map((s) => s.step);
  const ownYearOf = new Map<string, number>();
  for (const step of own) if (!ownYearOf.has(step.role)) ownYearOf.set(step.role, step.year);

  /** Ladder position of a role id: -1 off this ladder. */
  const rung = (roleId: string): number => ladder.indexOf(roleId);
  const suggested: RoleStep[] = [];

  /** The role held during the year before `year` ends, counting own steps and earlier suggestions. */
  const heldBefore = (year: number): string => {
    let held = startRole.id;
    let heldYear = -Infinity;
    for (const step of own) if (step.year < year) [held, heldYear] = [step.role, step.year];
    const lastSuggested = suggested[suggested.length - 1];
    if (lastSuggested && lastSuggested.year < year && lastSuggested.year >= heldYear)
      held = lastSuggested.role;
    return held;
  };

  let earliest = plan.startYear + 1;
  for (let k = startRung + 1; k < ladder.length; k++) {
    const roleId = ladder[k]!;
    const ownYear = ownYearOf.get(roleId);
    if (ownYear !== undefined) {
      earliest = Math.max(earliest, ownYear + 1);
      continue;
    }
    const role = index.roles.get(roleId);
    if (!role?.typicalYears) break;
    const year = Math.max(plan.startYear + role.typicalYears.min - experience, earliest);
    if (year > lastYear) break;

    const heldRung = rung(heldBefore(year));
    if (heldRung < 0 || heldRung >= k) continue; // off the ladder, or already this high
    if (own.some((step) => step.year === year)) continue; // the plan changes role that year itself
    const next = own.find((step) => step.year > year);
    if (next && rung(next.role) >= 0 && rung(next.role) <= k) continue; // would make it a demotion

    suggested.push({ type: 'role', role: roleId, year });
    earliest = year + 1;
  }
  return suggested;
}
