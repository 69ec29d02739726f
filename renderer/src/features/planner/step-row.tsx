/** One step of the timeline: what happens, in which year, what it costs, and any warning about it. */
import type { ProjectionWarning } from '../../../../shared/engine/types';
import type { Step } from '../../../../shared/plan/schema';
import { Field } from '../../components/field';
import { NumberInput } from '../../components/number-input';
import { Select } from '../../components/select';
import { SourceNote } from '../../components/source-note';
import { formatMoney, formatMonths, formatPercent } from './format';
import type { PlannerOptions } from './options';
import { describeFigure, describeSource, typicalCost, type Lookup } from './pack-lookup';
import { stepLabel, stepTypeLabel } from './steps';

interface StepRowProps {
  step: Step;
  index: number;
  stepKey: number;
  errors: Record<string, string>;
  warnings: ProjectionWarning[];
  lookup: Lookup;
  options: PlannerOptions;
  autoFocus: boolean;
  onChange: (step: Step) => void;
  onRemove: () => void;
}

function costPlaceholder(lookup: Lookup, step: Step): { placeholder: string; hint?: string } {
  const kind = step.type === 'certification' ? 'certification' : step.type === 'program' ? 'program' : null;
  const id =
    step.type === 'certification' ? step.certification : step.type === 'program' ? step.program : null;
  const typical = kind && id ? typicalCost(lookup, kind, id) : null;
  if (!typical) return { placeholder: 'none' };
  return {
    placeholder: `typical: ${formatMoney(typical.typical)}, from ${typical.sourceTag}`,
    hint: `Leave empty to use the typical cost: the middle of ${typical.rangeText} in the ${typical.source}.`,
  };
}

export function StepRow({
  step,
  index,
  stepKey,
  errors,
  warnings,
  lookup,
  options,
  autoFocus,
  onChange,
  onRemove,
}: StepRowProps) {
  const label = stepLabel(lookup, step);
  const cost = costPlaceholder(lookup, step);
  const titleId = `step-${stepKey}-title`;
  const patch = (changes: Partial<Step>) => onChange({ ...step, ...changes } as Step);

  let main;
  let extra = null;
  switch (step.type) {
    case 'role':
      main = (
        <Field label="New role" error={errors.role} hint={roleHint(lookup, step.role)}>
          {(c) => (
            <Select
              {...c}
              autoFocus={autoFocus}
              value={step.role}
              groups={options.roles}
              onValue={(v) => patch({ role: v })}
            />
          )}
        </Field>
      );
      break;
    case 'certification': {
      const cert = lookup.pack.certifications.find((x) => x.id === step.certification);
      main = (
        <Field
          label="Certification"
          error={errors.certification}
          hint={cert?.prerequisites.text || undefined}
        >
          {(c) => (
            <Select
              {...c}
              autoFocus={autoFocus}
              value={step.certification}
              groups={options.certifications}
              onValue={(v) => patch({ certification: v })}
            />
          )}
        </Field>
      );
      extra = (
        <Field
          label="Pay change"
          error={errors.payChangePct}
          hint={
            cert ? (
              <span className="figure-line">
                Empty uses {formatPercent(cert.payChangePct.value, true)}
                <SourceNote
                  about={`${cert.abbreviation} pay change`}
                  sourceId={'sourceId' in cert.payChangePct ? cert.payChangePct.sourceId : null}
                >
                  {describeFigure(lookup, cert.payChangePct)}
                </SourceNote>
              </span>
            ) : undefined
          }
        >
          {(c) => (
            <NumberInput
              {...c}
              value={step.payChangePct}
              suffix="%"
              placeholder={cert ? formatPercent(cert.payChangePct.value, true) : ''}
              onValue={(v) => {
                const next = { ...step };
                if (v === null) delete next.payChangePct;
                else next.payChangePct = v;
                onChange(next);
              }}
            />
          )}
        </Field>
      );
      break;
    }
    case 'program':
      main = (
        <Field label="Program" error={errors.program} hint={programHint(lookup, step.program)}>
          {(c) => (
            <Select
              {...c}
              autoFocus={autoFocus}
              value={step.program}
              groups={options.programs}
              onValue={(v) => patch({ program: v })}
            />
          )}
        </Field>
      );
      break;
    case 'setting':
      main = (
        <Field label="Work setting" error={errors.setting}>
          {(c) => (
            <Select
              {...c}
              autoFocus={autoFocus}
              value={step.setting}
              options={options.settings}
              onValue={(v) => patch({ setting: v })}
            />
          )}
        </Field>
      );
      break;
    case 'place':
      main = (
        <Field label="New place" error={errors.place}>
          {(c) => (
            <Select
              {...c}
              autoFocus={autoFocus}
              value={step.place}
              groups={options.places}
              onValue={(v) => patch({ place: v })}
            />
          )}
        </Field>
      );
      break;
    case 'hours':
      main = (
        <Field label="Hours per week" error={errors.hoursPerWeek} hint="40 is full time">
          {(c) => (
            <NumberInput
              {...c}
              autoFocus={autoFocus}
              value={step.hoursPerWeek}
              suffix="hours"
              onValue={(v) => patch({ hoursPerWeek: v ?? Number.NaN })}
            />
          )}
        </Field>
      );
      break;
  }

  return (
    <li
      className={`step step--${step.type}${warnings.length ? ' step--warned' : ''}`}
      data-step-key={stepKey}
      data-testid="step"
      aria-labelledby={titleId}
    >
      <div className="step__rail" aria-hidden="true">
        <span className="step__dot" />
      </div>
      <div className="step__content">
        <div className="step__head">
          <div>
            <p className="step__eyebrow">
              <span className="step__year num">{Number.isFinite(step.year) ? step.year : '—'}</span>
              <span className="step__type">{stepTypeLabel(step.type)}</span>
            </p>
            <h3 id={titleId} className="step__title" tabIndex={-1}>
              {label}
            </h3>
          </div>
          <button
            type="button"
            className="button button--ghost button--small step__remove"
            aria-label={`Remove step ${index + 1}: ${label}`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
        <div className="step__fields">
          <div className="step__row step__row--main">
            {main}
            <Field label="Year" error={errors.year} className="step__year-field">
              {(c) => (
                <NumberInput
                  {...c}
                  value={step.year}
                  commit="blur"
                  onValue={(v) => patch({ year: v ?? Number.NaN })}
                />
              )}
            </Field>
          </div>
          <div className={`step__row${extra ? ' step__row--split' : ''}`}>
            <Field label="Cost (optional)" error={errors.cost} hint={cost.hint} className="step__cost-field">
              {(c) => (
                <NumberInput
                  {...c}
                  value={step.cost}
                  prefix="$"
                  placeholder={cost.placeholder}
                  title={cost.placeholder === 'none' ? undefined : cost.placeholder}
                  onValue={(v) => {
                    const next = { ...step };
                    if (v === null) delete next.cost;
                    else next.cost = v;
                    onChange(next);
                  }}
                />
              )}
            </Field>
            {extra}
          </div>
        </div>
        {warnings.length > 0 && (
          <ul className="step__warnings" aria-label={`Heads-up about step ${index + 1}`}>
            {warnings.map((w, i) => (
              <li key={i} className="notice notice--warning">
                <span className="notice__icon" aria-hidden="true">
                  !
                </span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

function roleHint(lookup: Lookup, roleId: string) {
  const role = lookup.role(roleId);
  const pay = role?.medianPay ?? role?.averagePay;
  if (!role || !pay) return undefined;
  return (
    <span className="figure-line">
      Typical pay {formatMoney(pay.value)} a year
      <SourceNote about={`${role.title} pay`} sourceId={pay.sourceId}>
        {describeSource(lookup.source(pay.sourceId))}
      </SourceNote>
    </span>
  );
}

function programHint(lookup: Lookup, programId: string) {
  const duration = lookup.pack.programs.find((p) => p.id === programId)?.durationMonths;
  if (!duration) return undefined;
  const text = `Usually takes ${formatMonths(duration.min, duration.max)}`;
  return (
    <span className="figure-line">
      {text}
      <SourceNote about="how long the program takes" sourceId={duration.sourceId}>
        {describeSource(lookup.source(duration.sourceId))}
      </SourceNote>
    </span>
  );
}
