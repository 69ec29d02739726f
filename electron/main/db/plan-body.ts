/**
 * A plan row's `body` is the plan document in plan-file format. It is validated on the way in
 * (by the IPC layer) and again on every read: a row that no longer validates — edited by hand,
 * written by a buggy build — is reported as a CorruptPlanError, never dropped or "repaired".
 */
import { describeProblems, problemsFromZod, type Problem } from '../../../shared/domain/problems';
import { PLAN_FORMAT_VERSION, PlanSchema, type Plan } from '../../../shared/plan/schema';

export class CorruptPlanError extends Error {
  constructor(
    readonly planId: number,
    readonly problems: Problem[],
  ) {
    super(
      `Plan ${planId} is stored in a form this app cannot read, so it was left as it is:\n${describeProblems(problems)}`,
    );
    this.name = 'CorruptPlanError';
  }
}

export interface EncodedPlan {
  name: string;
  body: string;
  bodyVersion: number;
}

export function encodePlan(plan: Plan): EncodedPlan {
  return { name: plan.name, body: JSON.stringify(plan), bodyVersion: PLAN_FORMAT_VERSION };
}

export function decodePlan(planId: number, body: string, bodyVersion: number): Plan {
  if (bodyVersion !== PLAN_FORMAT_VERSION) {
    throw new CorruptPlanError(planId, [
      {
        path: '$',
        message: `is in plan format version ${bodyVersion}; this app reads version ${PLAN_FORMAT_VERSION}`,
      },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new CorruptPlanError(planId, [
      { path: '$', message: `is not valid JSON (${(error as Error).message})` },
    ]);
  }
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) throw new CorruptPlanError(planId, problemsFromZod(parsed.error));
  return parsed.data;
}
