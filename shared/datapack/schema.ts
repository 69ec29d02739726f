/**
 * The bundled data pack: every figure the app shows comes from here, and every figure here
 * carries either a `sourceId` (a row of `sources`) or an `assumption` (a one-line rationale;
 * the user can change it). Validated at load, so a broken pack fails with the field named.
 */
import { z } from 'zod';

export const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');
/** `US`, `US-CA` (USPS code), `US-CA-san-francisco` (a named city), or an ISO country code. */
export const placeId = z.string().regex(/^[A-Z]{2}(?:-[A-Z]{2}(?:-[a-z0-9-]+)?)?$/, 'must be a place id such as US, US-CA or CA');
export const socCode = z.string().regex(/^\d{2}-\d{4}$/, 'must be a SOC code such as 31-9092');
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code');

export const SourceSchema = z.strictObject({
  id: kebabId,
  publisher: z.string().min(1),
  dataset: z.string().min(1),
  /** Reference period as the publisher names it: "May 2025", "2024", "2025". */
  period: z.string().min(1),
  /** Where and how the figures were obtained (file, repository and commit, page). */
  obtained: z.string().min(1),
  url: z.string().optional(),
  kind: z.enum(['official-statistics', 'survey', 'career-guide', 'secondary']),
  notes: z.string().optional(),
});

/** A number taken from a named source. */
export const CitedNumberSchema = z.strictObject({ value: z.number().finite(), sourceId: kebabId });
/** A number nobody published: an editable default with the reason it was chosen. */
export const AssumedNumberSchema = z.strictObject({ value: z.number().finite(), assumption: z.string().min(1) });
export const FigureSchema = z.union([CitedNumberSchema, AssumedNumberSchema]);

/** A range as printed (e.g. "$5,000 to $15,000"), in the currency of its context. */
export const CitedRangeSchema = z
  .strictObject({ min: z.number().finite().nonnegative(), max: z.number().finite().nonnegative(), sourceId: kebabId })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

export const TrackSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  /** Roles from entry to the top of the ladder, in order. */
  roleIds: z.array(kebabId).min(1),
  sourceId: kebabId,
});

export const RoleSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(1),
  trackId: kebabId,
  /** BLS SOC code whose wage data places, settings and bands use; null = no SOC fits. */
  soc: socCode.nullable(),
  /** Usual years of experience for the role as printed ("0-1 yr" → 0..1, "6+ yr" → 6..null). */
  typicalYears: z.strictObject({ min: z.number().int().nonnegative(), max: z.number().int().positive().nullable(), sourceId: kebabId }).nullable(),
  /** Median annual pay, USD, national, as printed in the guide (or OEWS national median where the guide prints none). null = no pay data. */
  medianPay: CitedNumberSchema.nullable(),
  averagePay: CitedNumberSchema.nullable(),
  /** Roles this one usually leads to. */
  nextRoleIds: z.array(kebabId),
  /** What the role needs before someone can hold it (e.g. LPN needs a bridge program and a licence exam). */
  requires: z.strictObject({ certificationIds: z.array(kebabId), programIds: z.array(kebabId) }),
  summary: z.string().min(1),
  sourceId: kebabId,
});

export const PlaceSchema = z.strictObject({
  id: placeId,
  name: z.string().min(1),
  kind: z.enum(['nation', 'state', 'territory', 'city', 'country']),
  currency: currencyCode,
  /** For a U.S. state/territory: 2-digit FIPS code (BLS area code); for a city: its state's place id. */
  fips: z.string().regex(/^\d{2}$/).optional(),
  parentId: placeId.optional(),
  /** For named cities: why the guide names it, and the pay it prints, if any. */
  note: z.string().optional(),
  sourceId: kebabId,
});

/** One OEWS estimate: an occupation in an area for a release. Blank published cells are null. */
export const WageEstimateSchema = z.strictObject({
  soc: socCode,
  placeId,
  /** The May reference year of the OEWS release (2025 = "May 2025"). */
  year: z.number().int().min(2000).max(2100),
  mean: z.number().positive().nullable(),
  p10: z.number().positive().nullable(),
  p25: z.number().positive().nullable(),
  median: z.number().positive().nullable(),
  p75: z.number().positive().nullable(),
  p90: z.number().positive().nullable(),
  sourceId: kebabId,
});

/** Median pay of an occupation in one work setting, and the national median of the same release. */
export const SettingMedianSchema = z.strictObject({
  soc: socCode,
  year: z.number().int(),
  median: z.number().positive(),
  nationalMedian: z.number().positive(),
  sourceId: kebabId,
});

export const SettingSchema = z.strictObject({
  /** `all`, or the NAICS code of the industry (`621100`, `622000`, `62` for the whole sector). */
  id: z.string().regex(/^(all|\d{2,6})$/, 'must be "all" or a NAICS code'),
  name: z.string().min(1),
  medians: z.array(SettingMedianSchema),
  note: z.string().optional(),
});

export const CertificationSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  abbreviation: z.string().min(1),
  issuer: z.string().min(1),
  trackIds: z.array(kebabId),
  prerequisites: z.strictObject({
    /** Plain-language summary as the guide states it. */
    text: z.string(),
    /** At least one of these programs must be completed first (e.g. CMA needs an accredited program). */
    anyOfProgramIds: z.array(kebabId),
    certificationIds: z.array(kebabId),
  }),
  prepMonths: CitedRangeSchema.nullable(),
  /** Exam fee, USD. */
  cost: CitedRangeSchema.nullable(),
  renewalMonths: CitedNumberSchema.nullable(),
  /** Pay change when earned, percent; derived from survey evidence, or 0 marked as an assumption. */
  payChangePct: FigureSchema,
  sourceId: kebabId,
});

export const ProgramSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  kind: z.enum(['certificate', 'diploma', 'associate', 'bachelor', 'self-study', 'bridge', 'ceu']),
  trackIds: z.array(kebabId),
  durationMonths: CitedRangeSchema.nullable(),
  /** Tuition and fees, USD, as printed. */
  cost: CitedRangeSchema.nullable(),
  /** Whether it satisfies a certification's "accredited program" prerequisite. */
  qualifiesForCertificationIds: z.array(kebabId),
  sourceId: kebabId,
});

/** Pay as a guide prints it for a country outside the U.S., in that country's own currency. */
export const CountryPayRangeSchema = z.strictObject({
  placeId,
  trackId: kebabId,
  currency: currencyCode,
  min: z.number().positive(),
  max: z.number().positive(),
  sourceId: kebabId,
});

export const PriceLevelSchema = z.strictObject({
  placeId,
  year: z.number().int(),
  /** BEA regional price parity, all items, U.S. = 100. */
  rppAllItems: z.number().positive(),
  sourceId: kebabId,
});

/** Where a template step cites from and why it is there; `offsetYears` is years after the plan's start year. */
const templateStepBase = {
  /** Years after the plan's start year (0 = the start year). At most 44: a plan spans at most 45 years. */
  offsetYears: z.number().int().min(0).max(44),
  /** A short plain reason, shown to the student (and kept as the plan step's note). */
  why: z.string().min(1).max(200),
  /** Where the step comes from (the guide that names the move, or the role's usual years). */
  sourceId: kebabId,
};

/** One step of a template; the same kinds of step a plan has, minus place and hours. */
export const TemplateStepSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('role'), role: kebabId, ...templateStepBase }),
  z.strictObject({ type: z.literal('certification'), certification: kebabId, ...templateStepBase }),
  z.strictObject({ type: z.literal('program'), program: kebabId, ...templateStepBase }),
  z.strictObject({
    type: z.literal('setting'),
    setting: z.string().regex(/^(all|\d{2,6})$/, 'must be "all" or a NAICS code'),
    ...templateStepBase,
  }),
]);

/**
 * A ready-made pathway from the guides: a start (role and setting; place and year are the
 * student's) and steps at whole years after the start. `planFromTemplate` turns it into a plan.
 */
export const TemplateSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1).max(80),
  /** One plain sentence for a 17-year-old. */
  summary: z.string().min(1).max(240),
  /** The track of the start role (the ladder the template starts on). */
  trackId: kebabId,
  start: z.strictObject({
    role: kebabId,
    setting: z.string().regex(/^(all|\d{2,6})$/, 'must be "all" or a NAICS code'),
  }),
  /** In order of offsetYears. */
  steps: z.array(TemplateStepSchema),
  sourceId: kebabId,
  /** A short exact sentence from the guide that supports the template. */
  quote: z.string().min(1).max(300).optional(),
});

export const DataPackSchema = z.strictObject({
  format: z.literal('pathway-planner/datapack'),
  /** Pack version, date-based (e.g. "2026.11.1"). */
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
  /** The newest reference period any figure in the pack refers to, as a date. */
  dataAsOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sources: z.array(SourceSchema).min(1),
  tracks: z.array(TrackSchema).min(1),
  roles: z.array(RoleSchema).min(1),
  places: z.array(PlaceSchema).min(1),
  settings: z.array(SettingSchema).min(1),
  certifications: z.array(CertificationSchema),
  programs: z.array(ProgramSchema),
  wages: z.array(WageEstimateSchema),
  countryPay: z.array(CountryPayRangeSchema),
  priceLevels: z.array(PriceLevelSchema),
  defaults: z.strictObject({
    inflationPct: FigureSchema,
    realRaisePct: FigureSchema,
    hoursPerWeek: FigureSchema,
    horizonYears: FigureSchema,
  }),
  /** Ready-made pathways; defaults to none so packs written before templates still load. */
  templates: z.array(TemplateSchema).default([]),
});

export type Source = z.infer<typeof SourceSchema>;
export type CitedNumber = z.infer<typeof CitedNumberSchema>;
export type AssumedNumber = z.infer<typeof AssumedNumberSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type WageEstimate = z.infer<typeof WageEstimateSchema>;
export type Setting = z.infer<typeof SettingSchema>;
export type Certification = z.infer<typeof CertificationSchema>;
export type Program = z.infer<typeof ProgramSchema>;
export type CountryPayRange = z.infer<typeof CountryPayRangeSchema>;
export type PriceLevel = z.infer<typeof PriceLevelSchema>;
export type TemplateStep = z.infer<typeof TemplateStepSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type DataPack = z.infer<typeof DataPackSchema>;
