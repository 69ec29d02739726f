/**
 * "Suggest steps" on the plan being edited: adds `suggestPromotionSteps`' role steps to the
 * draft (with new React keys, in year order), and takes exactly those steps out again for Undo,
 * whatever else was edited in between. Pure, unit-tested.
 */
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import type { Plan, Step } from '../../../../shared/plan/schema';
import { suggestPromotionSteps } from '../../../../shared/templates/suggest-steps';
import { sortStepsWithKeys, type KeyedDraft } from '../planner/steps';
import { describeSuggested, nothingSuggested } from './template-info';

export interface Suggestion {
  steps: Step[];
  /** What to tell the student: what was added, or why nothing was. */
  message: string;
}

export function suggestFor(plan: Plan, index: DataPackIndex): Suggestion {
  const steps = suggestPromotionSteps(plan, index);
  return {
    steps,
    message: steps.length ? describeSuggested(plan, steps, index) : nothingSuggested(plan, index),
  };
}

/** The draft with `steps` added under `newKeys`, everything in year order. */
export function addSteps(draft: KeyedDraft, steps: readonly Step[], newKeys: readonly number[]): KeyedDraft {
  const sorted = sortStepsWithKeys([...draft.plan.steps, ...steps], [...draft.keys, ...newKeys]);
  return { plan: { ...draft.plan, steps: sorted.steps }, keys: sorted.keys };
}

/** The draft without the steps whose keys are in `removed` (those still there). */
export function removeKeyedSteps(draft: KeyedDraft, removed: readonly number[]): KeyedDraft {
  const drop = new Set(removed);
  const keep = draft.keys.map((key) => !drop.has(key));
  return {
    plan: { ...draft.plan, steps: draft.plan.steps.filter((_, i) => keep[i]) },
    keys: draft.keys.filter((_, i) => keep[i]),
  };
}
