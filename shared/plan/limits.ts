/**
 * The plan format's identity and limits, apart from its zod schema (schema.ts re-exports them):
 * code that only needs a number, like the print page's report (through plan-from-template.ts),
 * then does not load zod and build every schema when it starts.
 */
export const PLAN_FORMAT = 'pathway-planner/plan';
export const PLAN_FORMAT_VERSION = 1;
export const MAX_HORIZON_YEARS = 45;
export const MAX_STEPS = 200;
export const MAX_PLAN_NAME = 120;
