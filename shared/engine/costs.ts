/**
 * What a step costs, in today's U.S. dollars: the amount the plan gives, else the midpoint of the
 * range the data pack publishes (tuition, exam fee), else nothing.
 */
import type { Certification, Program } from '../datapack/schema';
import { midpoint } from './money';

export interface StepCost {
  amount: number;
  /** 'plan': typed by the user; 'published': midpoint of the pack's range; 'none': nothing known. */
  origin: 'plan' | 'published' | 'none';
}

export function stepCost(explicit: number | undefined, item: Program | Certification | null): StepCost {
  if (explicit !== undefined) return { amount: explicit, origin: 'plan' };
  if (item?.cost) return { amount: midpoint(item.cost), origin: 'published' };
  return { amount: 0, origin: 'none' };
}
