/**
 * Shapes of the hand-curated files in data/guides/. They mirror the pack schema, plus:
 * `quote` (the guide's own words, kept for reviewers, dropped from the pack), pay figures that
 * point at an OEWS national row instead of repeating its number, and certification pay changes
 * that point at survey rows to derive from. A top-level "//" key may hold a comment.
 */
import { z } from 'zod';
import {
  AssumedNumberSchema,
  CertificationSchema,
  CountryPayRangeSchema,
  PlaceSchema,
  ProgramSchema,
  RoleSchema,
  SourceSchema,
  TemplateSchema,
  TemplateStepSchema,
  TrackSchema,
  currencyCode,
  kebabId,
  placeId,
  socCode,
} from '../../shared/datapack/schema';

const comment = { '//': z.string().optional() };
const quote = z.string().min(1).optional();

/** A number typed from a guide, with the words it came from. */
export const GuideNumberSchema = z.strictObject({ value: z.number().finite(), sourceId: kebabId, quote });
/** "Use the OEWS national figure for this SOC and May reference year." */
export const OewsReferenceSchema = z.strictObject({
  oews: z.strictObject({ soc: socCode, year: z.number().int(), statistic: z.enum(['median', 'mean']) }),
});
export const GuidePaySchema = z.union([GuideNumberSchema, OewsReferenceSchema]).nullable();
export const GuideRangeSchema = z
  .strictObject({
    min: z.number().finite().nonnegative(),
    max: z.number().finite().nonnegative(),
    sourceId: kebabId,
    quote,
  })
  .nullable();

export const TracksAndRolesFileSchema = z.strictObject({
  ...comment,
  tracks: z.array(TrackSchema),
  roles: z.array(
    RoleSchema.extend({
      typicalYears: z
        .strictObject({
          min: z.number().int().nonnegative(),
          max: z.number().int().positive().nullable(),
          sourceId: kebabId,
          quote,
        })
        .nullable(),
      medianPay: GuidePaySchema,
      averagePay: GuidePaySchema,
    }),
  ),
});

/** Certified group's percent difference over a comparison group, from certification_wage_evidence.csv. */
export const DerivedPayChangeSchema = z.strictObject({
  derivedFrom: z.strictObject({
    sourceId: kebabId,
    survey: z.string().min(1),
    metric: z.string().min(1),
    certifiedGroup: z.string().min(1),
    comparisonGroup: z.string().min(1),
    /** Plain words for the source note, e.g. "full-time CMA vs. non-CMA average annual salary". */
    label: z.string().min(1),
  }),
});

export const CertificationsFileSchema = z.strictObject({
  ...comment,
  certifications: z.array(
    CertificationSchema.extend({
      prepMonths: GuideRangeSchema,
      cost: GuideRangeSchema,
      renewalMonths: GuideNumberSchema.nullable(),
      payChangePct: z.union([AssumedNumberSchema, DerivedPayChangeSchema]),
      quote,
    }),
  ),
});

export const ProgramsFileSchema = z.strictObject({
  ...comment,
  programs: z.array(
    ProgramSchema.extend({ durationMonths: GuideRangeSchema, cost: GuideRangeSchema, quote }),
  ),
});

export const SourcesFileSchema = z.strictObject({ ...comment, sources: z.array(SourceSchema) });

export const PlacesExtraFileSchema = z.strictObject({
  ...comment,
  nation: z.strictObject({ id: z.literal('US'), name: z.string().min(1), note: z.string().optional() }),
  cities: z.array(
    PlaceSchema.omit({ kind: true, currency: true, fips: true }).extend({ parentId: placeId, quote }),
  ),
  countries: z.array(
    PlaceSchema.omit({ kind: true, fips: true, parentId: true }).extend({ currency: currencyCode, quote }),
  ),
  countryPay: z.array(CountryPayRangeSchema.extend({ quote })),
});

export const SettingsFileSchema = z.strictObject({
  ...comment,
  settings: z.array(
    z.strictObject({
      id: z.string().regex(/^(all|\d{2,6})$/),
      name: z.string().min(1),
      note: z.string().optional(),
      /** OOH industry labels (as in ooh_industry_median_wages.csv) whose medians belong here. */
      oohLabels: z.array(z.string().min(1)).optional(),
      /** An OEWS national sector row (naics + own_code) from oews_national_sector_2024.csv. */
      sector: z
        .strictObject({ naics: z.string().regex(/^\d{2}$/), ownCode: z.string().regex(/^\d+$/) })
        .optional(),
    }),
  ),
});

/** Templates; each step may carry the guide's words (`quote`, for reviewers; not copied into the pack). */
const [roleStep, certificationStep, programStep, settingStep] = TemplateStepSchema.options;
export const TemplatesFileSchema = z.strictObject({
  ...comment,
  templates: z.array(
    TemplateSchema.extend({
      steps: z.array(
        z.discriminatedUnion('type', [
          roleStep.extend({ quote }),
          certificationStep.extend({ quote }),
          programStep.extend({ quote }),
          settingStep.extend({ quote }),
        ]),
      ),
    }),
  ),
});

const AssumedFigure = AssumedNumberSchema;
export const DefaultsFileSchema = z.strictObject({
  ...comment,
  pack: z.strictObject({ format: z.literal('pathway-planner/datapack'), version: z.string() }),
  defaults: z.strictObject({
    inflationPct: AssumedFigure,
    realRaisePct: AssumedFigure,
    hoursPerWeek: AssumedFigure,
    horizonYears: AssumedFigure,
  }),
});

export type TracksAndRolesFile = z.infer<typeof TracksAndRolesFileSchema>;
export type CertificationsFile = z.infer<typeof CertificationsFileSchema>;
export type ProgramsFile = z.infer<typeof ProgramsFileSchema>;
export type SourcesFile = z.infer<typeof SourcesFileSchema>;
export type PlacesExtraFile = z.infer<typeof PlacesExtraFileSchema>;
export type SettingsFile = z.infer<typeof SettingsFileSchema>;
export type DefaultsFile = z.infer<typeof DefaultsFileSchema>;
export type TemplatesFile = z.infer<typeof TemplatesFileSchema>;
export type GuidePay = z.infer<typeof GuidePaySchema>;
