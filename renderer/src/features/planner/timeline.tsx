/**
 * "Your steps": the plan's steps in year order, each editable in place, plus buttons to add a
 * step. Changing a step's year moves it to its place in the order (on blur, so it does not
 * jump while being typed). Warnings from the projection sit on the step they are about.
 */
import { useEffect, useRef } from 'react';
import type { ProjectionWarning } from '../../../../shared/engine/types';
import type { Plan, Step, StepType } from '../../../../shared/plan/schema';
import { CardHeader } from '../../components/card-header';
import type { PlannerOptions } from './options';
import type { Lookup } from './pack-lookup';
import { StepRow } from './step-row';
import { stepTypes } from './steps';
import { stepErrors, type FieldErrors } from './validation';

interface TimelineProps {
  plan: Plan;
  keys: number[];
  errors: FieldErrors;
  warnings: ProjectionWarning[];
  lookup: Lookup;
  options: PlannerOptions;
  /** Key of a step just added: its first field gets focus. */
  focusKey: number | null;
  onAdd: (type: StepType) => void;
  onChange: (index: number, step: Step) => void;
  onRemove: (index: number) => void;
  /** "Suggest steps": adds the ladder's promotions at their usual years (features/pathways). */
  onSuggest?: () => void;
}

const addLabels: Record<StepType, string> = {
  role: 'New role',
  certification: 'Certification',
  program: 'Program',
  setting: 'Work setting',
  place: 'Move',
  hours: 'Hours',
};

export function Timeline({
  plan,
  keys,
  errors,
  warnings,
  lookup,
  options,
  focusKey,
  onAdd,
  onChange,
  onRemove,
  onSuggest,
}: TimelineProps) {
  // After a removal, focus moves to the next step's title (or the add buttons), never to <body>.
  const focusAfterRemove = useRef<number | 'add' | null>(null);
  useEffect(() => {
    const pending = focusAfterRemove.current;
    if (pending === null) return;
    focusAfterRemove.current = null;
    const target =
      pending === 'add'
        ? document.querySelector<HTMLElement>('.add-step .button')
        : document.querySelector<HTMLElement>(`[data-step-key="${pending}"] .step__title`);
    target?.focus();
  });

  const byStep = new Map<number, ProjectionWarning[]>();
  for (const w of warnings) {
    if (w.stepIndex === undefined) continue;
    const list = byStep.get(w.stepIndex) ?? [];
    list.push(w);
    byStep.set(w.stepIndex, list);
  }

  return (
    <section className="card" aria-labelledby="steps-heading">
      <CardHeader
        headingId="steps-heading"
        title="Your steps"
        subtitle="What you plan to do, year by year. Steps stay in year order."
      />
      {plan.steps.length === 0 ? (
        <p className="empty-note">
          No steps yet. Add one below — for example, earn a certification next year or move up to a senior
          role.
        </p>
      ) : (
        <ol className="timeline" aria-label="Steps in year order">
          {plan.steps.map((step, index) => (
            <StepRow
              key={keys[index]}
              step={step}
              index={index}
              stepKey={keys[index]!}
              errors={stepErrors(errors, index)}
              warnings={byStep.get(index) ?? []}
              lookup={lookup}
              options={options}
              autoFocus={keys[index] === focusKey}
              onChange={(next) => onChange(index, next)}
              onRemove={() => {
                focusAfterRemove.current = keys[index + 1] ?? keys[index - 1] ?? 'add';
                onRemove(index);
              }}
            />
          ))}
        </ol>
      )}
      <div className="add-step" role="group" aria-labelledby="add-step-label">
        <p id="add-step-label" className="add-step__label">
          Add a step
        </p>
        <div className="add-step__buttons">
          {stepTypes.map(({ type, label }) => (
            <button
              key={type}
              type="button"
              className="button button--chip"
              title={label}
              aria-label={`Add step: ${label.toLowerCase()}`}
              onClick={() => onAdd(type)}
            >
              <span aria-hidden="true" className="button__plus">
                +
              </span>
              {addLabels[type]}
            </button>
          ))}
        </div>
        {onSuggest && (
          <p className="add-step__suggest">
            <button type="button" className="button button--secondary button--small" onClick={onSuggest}>
              <span aria-hidden="true">✦</span> Suggest steps
            </button>
            <span className="add-step__suggest-hint">
              Adds the promotions up your ladder at the years the guides give.
            </span>
          </p>
        )}
      </div>
    </section>
  );
}
