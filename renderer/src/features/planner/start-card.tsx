/** "Where you start": the plan's starting role, place, setting, years and hours. */
import type { ProjectionYear } from '../../../../shared/engine/types';
import type { Plan } from '../../../../shared/plan/schema';
import { CardHeader } from '../../components/card-header';
import { Field } from '../../components/field';
import { NumberInput } from '../../components/number-input';
import { Select } from '../../components/select';
import { SourceNote } from '../../components/source-note';
import { formatMoney, yearSpan } from './format';
import { moveStartYear } from './steps';
import type { Lookup } from './pack-lookup';
import { describeSource } from './pack-lookup';
import type { PlannerOptions } from './options';
import type { FieldErrors } from './validation';

interface StartCardProps {
  plan: Plan;
  /** The projection's first year, to say how pay in this place and setting compares. */
  firstYear: ProjectionYear | null;
  errors: FieldErrors;
  lookup: Lookup;
  options: PlannerOptions;
  onChange: (update: (plan: Plan) => Plan) => void;
}

export function StartCard({ plan, firstYear, errors, lookup, options, onChange }: StartCardProps) {
  const role = lookup.role(plan.start.role);
  const setStart = <K extends keyof Plan['start']>(key: K, value: Plan['start'][K]) =>
    onChange((p) => ({ ...p, start: { ...p.start, [key]: value } }));
  const place = lookup.place(plan.start.place);

  const rolePay = role?.medianPay ?? role?.averagePay ?? null;
  const roleHint = role ? (
    <span className="figure-line">
      {rolePay ? (
        <>
          Typical pay: <strong className="num">{formatMoney(rolePay.value)}</strong> a year (
          {role.medianPay ? 'median' : 'average'}, U.S.)
          <SourceNote about={`${role.title} pay`} sourceId={rolePay.sourceId}>
            {describeSource(lookup.source(rolePay.sourceId))}
          </SourceNote>
        </>
      ) : (
        'No pay figure published for this role.'
      )}
    </span>
  ) : undefined;

  return (
    <section className="card" aria-labelledby="start-heading">
      <CardHeader
        headingId="start-heading"
        title="Where you start"
        subtitle="Your first job and where you'd do it."
      />
      <div className="form-grid">
        <Field label="Starting role" className="form-grid__wide" error={errors['start.role']} hint={roleHint}>
          {(control) => (
            <Select
              {...control}
              value={plan.start.role}
              groups={options.roles}
              onValue={(v) => setStart('role', v)}
            />
          )}
        </Field>
        <Field
          label="Place"
          error={errors['start.place']}
          hint={factorHint(
            lookup,
            firstYear?.factors.place,
            firstYear?.factors.placeSourceId,
            'the U.S. level',
            place?.kind === 'nation'
              ? 'Pay at the U.S. national level'
              : place?.kind === 'city' || place?.kind === 'country'
                ? place.note
                : undefined,
          )}
        >
          {(control) => (
            <Select
              {...control}
              value={plan.start.place}
              groups={options.places}
              onValue={(v) => setStart('place', v)}
            />
          )}
        </Field>
        <Field
          label="Work setting"
          error={errors['start.setting']}
          hint={factorHint(
            lookup,
            firstYear?.factors.setting,
            firstYear?.factors.settingSourceId,
            'all settings',
          )}
        >
          {(control) => (
            <Select
              {...control}
              value={plan.start.setting}
              options={options.settings}
              onValue={(v) => setStart('setting', v)}
            />
          )}
        </Field>
        <Field label="Start year" error={errors.startYear} hint="Steps move with it">
          {(control) => (
            <NumberInput
              {...control}
              value={plan.startYear}
              commit="blur"
              onValue={(v) => onChange((p) => moveStartYear(p, v ?? Number.NaN))}
            />
          )}
        </Field>
        <Field
          label="Years to plan"
          error={errors.years}
          hint={
            Number.isInteger(plan.years) && Number.isInteger(plan.startYear) && plan.years > 0
              ? yearSpan(plan.startYear, plan.years)
              : undefined
          }
        >
          {(control) => (
            <NumberInput
              {...control}
              value={plan.years}
              suffix="years"
              onValue={(v) => onChange((p) => ({ ...p, years: v ?? Number.NaN }))}
            />
          )}
        </Field>
        <Field label="Hours per week" error={errors['start.hoursPerWeek']} hint="40 is full time">
          {(control) => (
            <NumberInput
              {...control}
              value={plan.start.hoursPerWeek}
              suffix="hours"
              onValue={(v) => setStart('hoursPerWeek', v ?? Number.NaN)}
            />
          )}
        </Field>
        <Field
          label="Years already worked"
          error={errors['start.yearsExperience']}
          hint="In this kind of job. Leave empty if none."
        >
          {(control) => (
            <NumberInput
              {...control}
              value={plan.start.yearsExperience}
              placeholder="0"
              suffix="years"
              onValue={(v) =>
                onChange((p) => {
                  const start = { ...p.start };
                  if (v === null) delete start.yearsExperience;
                  else start.yearsExperience = v;
                  return { ...p, start };
                })
              }
            />
          )}
        </Field>
      </div>
    </section>
  );
}

/** "Pays 13% less than the U.S. level" with its source, for the place and setting pickers. */
function factorHint(
  lookup: Lookup,
  factor: number | undefined,
  sourceId: string | null | undefined,
  baseline: string,
  note?: string,
) {
  if (factor === undefined || !sourceId) return note;
  const pct = Math.round((factor - 1) * 100);
  const text =
    pct === 0
      ? `Pay about the same as ${baseline}`
      : `Pay ${Math.abs(pct)}% ${pct > 0 ? 'above' : 'below'} ${baseline}`;
  return (
    <span className="figure-line">
      {text}
      <SourceNote about={text} sourceId={sourceId}>
        {describeSource(lookup.source(sourceId))}
      </SourceNote>
    </span>
  );
}
