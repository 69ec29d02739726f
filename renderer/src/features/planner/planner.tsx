/**
 * The planner screen for one plan: loads it, keeps the draft being edited, re-projects it on
 * every change with the shared engine (no round trip), and autosaves valid drafts.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { projectPlan } from '../../../../shared/engine/index';
import type { Projection } from '../../../../shared/engine/types';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { Plan, Step, StepType } from '../../../../shared/plan/schema';
import { api, friendlyError } from '../../api';
import { CardHeader } from '../../components/card-header';
import { SaveStatus } from '../../components/save-status';
import { AssumptionsPanel } from './assumptions-panel';
import { yearSpan } from './format';
import type { PlannerOptions } from './options';
import type { Lookup } from './pack-lookup';
import { CumulativeChart, SalaryChart } from './projection-charts';
import { ProjectionTable } from './projection-table';
import { SourcesCard } from './sources-card';
import { StartCard } from './start-card';
import { defaultStep, sortStepsWithKeys, type KeyedDraft } from './steps';
import { Timeline } from './timeline';
import { Totals } from './totals';
import { useAutosave } from './use-autosave';
import { checkDraft, errorSummary, staleSummary } from './validation';
import { YearBreakdown } from './year-breakdown';
import { ExportButtons, type ExportKind } from '../export/export-buttons';
import type { ToastMessage } from '../../components/toast';
import { addSteps, removeKeyedSteps, suggestFor } from '../pathways/suggest-draft';
import { WhatIfPanel } from '../whatif/what-if-panel';

type StoredPlan = ChannelOutput<'plans:get'>;

export interface PlannerHandle {
  /** Saves any pending edit now (before deleting or leaving the plan). */
  flush: () => Promise<void>;
  /** Renames the open plan through the editor, so the rename and the draft never conflict. */
  rename: (name: string) => void;
}

interface PlannerProps {
  planId: number;
  lookup: Lookup;
  index: DataPackIndex;
  options: PlannerOptions;
  onSaved: (stored: StoredPlan) => void;
  /** Focus the plan name once loaded (a plan just created). */
  focusName?: boolean;
  /** Shows a toast (e.g. what "Suggest steps" added, with Undo). */
  onNotify?: (message: Omit<ToastMessage, 'id'>) => void;
  /** The header's Export buttons (PDF report, CSV table, plan file); hidden when absent. */
  onExport?: (kind: ExportKind) => void;
  ref?: Ref<PlannerHandle>;
}

export function Planner({ planId, ...rest }: PlannerProps) {
  const [loaded, setLoaded] = useState<
    { id: number; stored: StoredPlan } | { id: number; error: string } | null
  >(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.plans
      .get(planId)
      .then((stored) => !cancelled && setLoaded({ id: planId, stored }))
      .catch(
        (error: unknown) =>
          !cancelled && setLoaded({ id: planId, error: friendlyError(error, 'opening your plan') }),
      );
    return () => {
      cancelled = true;
    };
  }, [planId, attempt]);

  if (!loaded || loaded.id !== planId) {
    return (
      <div className="planner planner--loading" aria-busy="true">
        <p className="muted">Opening your plan…</p>
      </div>
    );
  }
  if ('error' in loaded) {
    return (
      <div className="planner">
        <div className="notice notice--error" role="alert">
          <p>{loaded.error}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return <PlanEditor key={`${loaded.stored.id}-${attempt}`} stored={loaded.stored} {...rest} />;
}

function safeProject(plan: Plan, index: DataPackIndex): { projection: Projection } | { error: string } {
  try {
    return { projection: projectPlan(plan, index) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function PlanEditor({
  stored,
  lookup,
  index,
  options,
  onSaved,
  focusName,
  onNotify,
  onExport,
  ref,
}: Omit<PlannerProps, 'planId'> & { stored: StoredPlan }) {
  const nextKey = useRef(stored.plan.steps.length);
  const [draft, setDraft] = useState<KeyedDraft>(() => ({
    plan: stored.plan,
    keys: stored.plan.steps.map((_, i) => i),
  }));
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [explainYear, setExplainYear] = useState<number | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const plan = draft.plan;
  const errors = useMemo(() => checkDraft(plan, index), [plan, index]);
  const invalid = errorSummary(errors);
  const result = useMemo(() => (invalid ? null : safeProject(plan, index)), [plan, index, invalid]);

  // While a field is invalid, keep showing the last good projection (dimmed) instead of nothing.
  const [shown, setShown] = useState<Projection | null>(
    result && 'projection' in result ? result.projection : null,
  );
  if (result && 'projection' in result && result.projection !== shown) setShown(result.projection);
  const stale = !result || !('projection' in result);

  const autosave = useAutosave({ id: stored.id, revision: stored.revision, draft: plan, invalid, onSaved });

  const update = useCallback((change: (plan: Plan) => Plan) => {
    setDraft((d) => ({ ...d, plan: change(d.plan) }));
  }, []);

  useImperativeHandle(
    ref,
    () => ({ flush: autosave.flush, rename: (name: string) => update((p) => ({ ...p, name })) }),
    [autosave.flush, update],
  );

  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);

  // The window title names the open plan (the taskbar and screen readers show it).
  const title = plan.name.trim();
  useEffect(() => {
    document.title = title ? `${title} — Pathway Planner` : 'Pathway Planner';
    return () => {
      document.title = 'Pathway Planner';
    };
  }, [title]);

  const addStep = (type: StepType) => {
    const key = nextKey.current++;
    setDraft((d) => {
      const step = defaultStep(lookup, d.plan, type);
      const sorted = sortStepsWithKeys([...d.plan.steps, step], [...d.keys, key]);
      return { plan: { ...d.plan, steps: sorted.steps }, keys: sorted.keys };
    });
    setFocusKey(key);
  };

  const changeStep = (index: number, step: Step) => {
    setDraft((d) => {
      const steps = d.plan.steps.slice();
      const yearChanged = steps[index]?.year !== step.year;
      steps[index] = step;
      if (!yearChanged) return { ...d, plan: { ...d.plan, steps } };
      const sorted = sortStepsWithKeys(steps, d.keys);
      return { plan: { ...d.plan, steps: sorted.steps }, keys: sorted.keys };
    });
  };

  const removeStep = (index: number) => {
    setDraft((d) => ({
      plan: { ...d.plan, steps: d.plan.steps.filter((_, i) => i !== index) },
      keys: d.keys.filter((_, i) => i !== index),
    }));
  };

  // "Suggest steps": the ladder's promotions at their usual years; Undo takes exactly those out.
  const suggestSteps = () => {
    if (invalid) {
      onNotify?.({
        text: `${invalid.replace(/ to save\.$/, '')} first, then ask for suggestions.`,
        durationMs: 6000,
      });
      return;
    }
    const suggestion = suggestFor(plan, index);
    if (suggestion.steps.length === 0) {
      onNotify?.({ text: suggestion.message, durationMs: 6000 });
      return;
    }
    const added = suggestion.steps.map(() => nextKey.current++);
    setDraft((d) => addSteps(d, suggestion.steps, added));
    onNotify?.({
      text: suggestion.message,
      action: { label: 'Undo', run: () => setDraft((d) => removeKeyedSteps(d, added)) },
      durationMs: 10_000,
    });
  };

  const projection = shown;
  const stepYears = useMemo(() => new Set(plan.steps.map((s) => s.year)), [plan.steps]);
  const generalWarnings = projection?.warnings.filter((w) => w.stepIndex === undefined) ?? [];
  const selectedYear = explainYear ?? projection?.years[0]?.year ?? null;
  const nameError = errors.name;

  return (
    <div className="planner" data-testid="planner">
      <header className="planner__header">
        <div className="planner__title-block">
          <label htmlFor="plan-name" className="planner__name-label">
            Plan name
          </label>
          <input
            id="plan-name"
            ref={nameRef}
            className="planner__name input"
            value={plan.name}
            dir="auto"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'plan-name-error' : 'plan-name-meta'}
            onChange={(event) => {
              const name = event.target.value;
              update((p) => ({ ...p, name }));
            }}
          />
          {nameError ? (
            <p id="plan-name-error" className="field__error">
              <span aria-hidden="true" className="field__error-icon">
                !
              </span>
              {nameError}
            </p>
          ) : (
            <p id="plan-name-meta" className="planner__meta">
              {lookup.roleTitle(plan.start.role)} · {lookup.placeName(plan.start.place)}
              {Number.isInteger(plan.startYear) && Number.isInteger(plan.years) && plan.years > 0
                ? ` · ${yearSpan(plan.startYear, plan.years)}`
                : ''}
            </p>
          )}
        </div>
        {onExport ? (
          <div className="planner__header-actions">
            <SaveStatus state={autosave.state} onRetry={autosave.retry} />
            <ExportButtons onExport={onExport} />
          </div>
        ) : (
          <SaveStatus state={autosave.state} onRetry={autosave.retry} />
        )}
      </header>

      <div className="planner__grid">
        <div className="planner__inputs">
          <StartCard
            plan={plan}
            errors={errors}
            lookup={lookup}
            options={options}
            onChange={update}
            firstYear={projection?.years[0] ?? null}
          />
          {generalWarnings.length > 0 && (
            <ul className="notice-list" aria-label="Heads-up about this plan">
              {generalWarnings.map((w, i) => (
                <li key={i} className="notice notice--warning">
                  <span className="notice__icon" aria-hidden="true">
                    !
                  </span>
                  <span>{w.message}</span>
                </li>
              ))}
            </ul>
          )}
          <Timeline
            plan={plan}
            keys={draft.keys}
            errors={errors}
            warnings={projection?.warnings ?? []}
            lookup={lookup}
            options={options}
            focusKey={focusKey}
            onAdd={addStep}
            onChange={changeStep}
            onRemove={removeStep}
            onSuggest={suggestSteps}
          />
          <AssumptionsPanel plan={plan} errors={errors} lookup={lookup} onChange={update} />
        </div>

        <div className={`planner__results${stale ? ' is-stale' : ''}`} aria-labelledby="results-heading">
          <h2 id="results-heading" className="visually-hidden">
            Projection
          </h2>
          {stale && (
            <p className="notice notice--info" role="note">
              {result && 'error' in result
                ? `This plan can't be worked out with the current data (${result.error}).`
                : staleSummary(errors)}
            </p>
          )}
          {projection ? (
            <>
              <WhatIfPanel draft={draft} lookup={lookup} onDraft={setDraft} />
              <Totals projection={projection} lookup={lookup} />
              <section className="card" aria-labelledby="salary-heading">
                <CardHeader
                  headingId="salary-heading"
                  title="Salary each year"
                  subtitle="The line is the most likely salary; the shaded band is the range most people in that job earn."
                  level={3}
                />
                <SalaryChart projection={projection} stepYears={stepYears} />
              </section>
              <section className="card" aria-labelledby="cumulative-heading">
                <CardHeader
                  headingId="cumulative-heading"
                  title="Money earned so far"
                  subtitle="Everything you'd have earned, minus what you spent on programs and exams."
                  level={3}
                />
                <CumulativeChart projection={projection} />
              </section>
              <section className="card card--flush" aria-label="Year by year">
                <ProjectionTable
                  projection={projection}
                  lookup={lookup}
                  selectedYear={selectedYear}
                  onExplain={setExplainYear}
                  stepYears={stepYears}
                />
                {selectedYear !== null && (
                  <YearBreakdown projection={projection} lookup={lookup} year={selectedYear} />
                )}
              </section>
              <SourcesCard projection={projection} lookup={lookup} />
            </>
          ) : (
            !stale && <p className="muted">Working out your numbers…</p>
          )}
        </div>
      </div>
    </div>
  );
}
