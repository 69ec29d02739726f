/**
 * The plan file format (`.pathway.json`): the same document the command line reads, the app
 * imports and exports, and the database stores. Objects are strict, so a field this version does
 * not know is an error rather than something silently dropped. Extend it; never break it.
 * Checking ids against the data pack is a second step (see `check-plan.ts`).
 */
import { z } from 'zod';
import { kebabId, placeId } from '../datapack/schema';
import { NO_CONTROL_CHARACTERS, NO_LONE_SURROGATES, nameSchema } from '../text/names';

import { MAX_HORIZON_YEARS, MAX_PLAN_NAME, MAX_STEPS, PLAN_FORMAT, PLAN_FORMAT_VERSION } from './limits';

export { MAX_HORIZON_YEARS, MAX_PLAN_NAME, MAX_STEPS, PLAN_FORMAT, PLAN_FORMAT_VERSION };

const settingId = z.string().regex(/^(all|\d{2,6})$/, 'must be "all" or a NAICS code');
const year = z.number().int('must be a whole year').min(1990, 'must be 1990 or later').max(2100, 'must be 2100 or earlier');
const hoursPerWeek = z.number().min(1, 'must be at least 1 hour').max(80, 'must be at most 80 hours');
/** A one-off cost in U.S. dollars of the step's year (tuition, exam fee). */
const cost = z.number().min(0, 'must not be negative').max(1_000_000, 'must be at most $1,000,000');

export const PlanNameSchema = nameSchema({
  max: MAX_PLAN_NAME,
  empty: 'must not be empty',
  tooLong: `must be at most ${MAX_PLAN_NAME} characters`,
  control: 'must be one line, without tabs or other control characters',
});

/** The student a report is for: may be empty (an unnamed report), else one line like a plan name. */
export const ReportStudentNameSchema = z
  .string()
  .trim()
  .max(MAX_PLAN_NAME, `must be at most ${MAX_PLAN_NAME} characters`)
  .regex(NO_CONTROL_CHARACTERS, 'must be one line, without tabs or other control characters');

const note = z
  .string()
  .max(500, 'must be at most 500 characters')
  .regex(NO_LONE_SURROGATES, 'contains a broken character (half of an emoji)');
const stepBase = { year, cost: cost.optional(), note: note.optional() };

export const StepSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('role'), role: kebabId, ...stepBase }),
  z.strictObject({
    type: z.literal('certification'),
    certification: kebabId,
    /** Overrides the pack's pay effect for this plan. */
    payChangePct: z.number().min(-50, 'must be at least -50%').max(100, 'must be at most 100%').optional(),
    ...stepBase,
  }),
  z.strictObject({ type: z.literal('program'), program: kebabId, ...stepBase }),
  z.strictObject({ type: z.literal('setting'), setting: settingId, ...stepBase }),
  z.strictObject({ type: z.literal('place'), place: placeId, ...stepBase }),
  z.strictObject({ type: z.literal('hours'), hoursPerWeek, ...stepBase }),
]);

export const AssumptionsSchema = z.strictObject({
  inflationPct: z.number().min(-5, 'must be at least -5%').max(20, 'must be at most 20%').optional(),
  realRaisePct: z.number().min(-10, 'must be at least -10%').max(20, 'must be at most 20%').optional(),
  band: z.enum(['p25-p75', 'p10-p90']).optional(),
  dollars: z.enum(['today', 'nominal']).optional(),
});

export const PlanSchema = z
  .strictObject({
    name: PlanNameSchema,
    startYear: year,
    years: z.number().int('must be a whole number of years').min(1, 'must be at least 1').max(MAX_HORIZON_YEARS, `must be at most ${MAX_HORIZON_YEARS}`),
    start: z.strictObject({
      role: kebabId,
      place: placeId,
      setting: settingId,
      hoursPerWeek,
      /** Years already worked in the field before the plan starts. */
      yearsExperience: z
        .number()
        .int('must be a whole number of years')
        .min(0, 'must not be negative')
        .max(50, 'must be at most 50 years')
        .optional(),
    }),
    steps: z.array(StepSchema).max(MAX_STEPS, `must have at most ${MAX_STEPS} steps`),
    assumptions: AssumptionsSchema.optional(),
    /** Optional student name for reports. */
    studentName: ReportStudentNameSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    const last = plan.startYear + plan.years - 1;
    plan.steps.forEach((step, index) => {
      if (step.year < plan.startYear || step.year > last) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'year'],
          message: `must be within the plan's years ${plan.startYear}–${last}`,
        });
      }
    });
  });

export const PlanFileSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT, { error: `must be "${PLAN_FORMAT}"` }),
  version: z.literal(PLAN_FORMAT_VERSION, { error: `must be ${PLAN_FORMAT_VERSION} (this app reads version ${PLAN_FORMAT_VERSION} plan files)` }),
  plans: z.array(PlanSchema).min(1, 'must contain at least one plan'),
});

export type Step = z.infer<typeof StepSchema>;
export type StepType = Step['type'];
export type Assumptions = z.infer<typeof AssumptionsSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PlanFile = z.infer<typeof PlanFileSchema>;
