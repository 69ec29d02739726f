/**
 * "What if…": sliders for the things students most want to try — hours a week, the yearly raise,
 * inflation, and when each certification or program happens. Each move is an ordinary edit of
 * the plan (the engine re-projects it in the page and autosaves it), so the charts and totals
 * follow at once; "Put back" returns to where the plan was when it was opened.
 */
import { useId, useState } from 'react';
import type { Plan } from '../../../../shared/plan/schema';
import { DEFAULT_DOLLARS } from '../../../../shared/engine/assumptions';
import { CardHeader } from '../../components/card-header';
import type { Lookup } from '../planner/pack-lookup';
import {
  differsFrom,
  hoursText,
  rateText,
  restoreSnapshot,
  setHours,
  setRate,
  setStepYear,
  snapshotOf,
  stepSliders,
  WHAT_IF_RANGES,
} from './what-if';
import type { KeyedDraft } from '../planner/steps';
import './what-if.css';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  valueText: string;
  minText: string;
  maxText: string;
  hint?: string;
  testId?: string;
  onValue: (value: number) => void;
}

function Slider({
  label,
  value,
  min,
  max,
  step,
  valueText,
  minText,
  maxText,
  hint,
  testId,
  onValue,
}: SliderProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="what-if__control">
      <div className="what-if__label-row">
        <label htmlFor={id} className="what-if__label">
          {label}
        </label>
        <output htmlFor={id} className="what-if__value num">
          {valueText}
        </output>
      </div>
      <input
        id={id}
        type="range"
        className="what-if__range"
        min={min}
        max={max}
        step={step}
        value={Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min}
        aria-valuetext={valueText}
        aria-describedby={hint ? hintId : undefined}
        data-testid={testId}
        onChange={(event) => onValue(Number(event.target.value))}
      />
      <div className="what-if__scale" aria-hidden="true">
        <span>{minText}</span>
        <span>{maxText}</span>
      </div>
      {hint && (
        <p id={hintId} className="what-if__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface WhatIfPanelProps {
  draft: KeyedDraft;
  lookup: Lookup;
  /** The planner's draft setter: every change here is a normal edit of the plan. */
  onDraft: (change: (draft: KeyedDraft) => KeyedDraft) => void;
}

export function WhatIfPanel({ draft, lookup, onDraft }: WhatIfPanelProps) {
  const [snapshot] = useState(() => snapshotOf(draft));
  const plan: Plan = draft.plan;
  const defaults = lookup.pack.defaults;
  const inflation = plan.assumptions?.inflationPct ?? defaults.inflationPct.value;
  const raise = plan.assumptions?.realRaisePct ?? defaults.realRaisePct.value;
  const todayDollars = (plan.assumptions?.dollars ?? DEFAULT_DOLLARS) === 'today';
  const steps = stepSliders(draft, lookup);
  const changed = differsFrom(draft, snapshot);
  const r = WHAT_IF_RANGES;

  return (
    <section className="card what-if" aria-labelledby="what-if-heading" data-testid="what-if">
      <CardHeader
        headingId="what-if-heading"
        title="What if…"
        subtitle="Slide to try other choices; the numbers below follow at once."
        className="what-if__header"
      >
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!changed}
          onClick={() => onDraft((d) => restoreSnapshot(d, snapshot))}
        >
          Put back
        </button>
      </CardHeader>
      <div className="what-if__grid">
        <Slider
          label={
            plan.steps.some((step) => step.type === 'hours') ? 'Hours a week at the start' : 'Hours a week'
          }
          value={plan.start.hoursPerWeek}
          min={r.hours.min}
          max={r.hours.max}
          step={r.hours.step}
          valueText={hoursText(plan.start.hoursPerWeek)}
          minText={`${r.hours.min}`}
          maxText={`${r.hours.max}`}
          testId="what-if-hours"
          onValue={(v) => onDraft((d) => setHours(d, v))}
        />
        <Slider
          label="Raise above inflation"
          value={raise}
          min={r.realRaisePct.min}
          max={r.realRaisePct.max}
          step={r.realRaisePct.step}
          valueText={rateText(raise)}
          minText={`${r.realRaisePct.min}%`}
          maxText={`${r.realRaisePct.max}%`}
          testId="what-if-raise"
          onValue={(v) => onDraft((d) => setRate(d, 'realRaisePct', v))}
        />
        <Slider
          label="Inflation"
          value={inflation}
          min={r.inflationPct.min}
          max={r.inflationPct.max}
          step={r.inflationPct.step}
          valueText={rateText(inflation)}
          minText={`${r.inflationPct.min}%`}
          maxText={`${r.inflationPct.max}%`}
          hint={todayDollars ? 'Changes amounts only in future dollars (see Assumptions).' : undefined}
          testId="what-if-inflation"
          onValue={(v) => onDraft((d) => setRate(d, 'inflationPct', v))}
        />
      </div>
      {steps.length > 0 && (
        <div className="what-if__steps">
          <p className="what-if__steps-title">When you do each step</p>
          <div className="what-if__grid what-if__grid--steps">
            {steps.map((s) => (
              <Slider
                key={s.key}
                label={s.label}
                value={s.year}
                min={s.min}
                max={s.max}
                step={1}
                valueText={Number.isFinite(s.year) ? String(s.year) : '—'}
                minText={String(s.min)}
                maxText={String(s.max)}
                testId={`what-if-year-${s.type}`}
                onValue={(v) => onDraft((d) => setStepYear(d, s.key, v))}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
