/**
 * The assumptions behind the numbers: inflation, yearly raise, how wide the pay range is, and
 * whether money is in today's dollars. Each shows the data pack's default and where it comes
 * from; a value the plan sets itself is marked "Changed from default" with a way back.
 */
import { useId } from 'react';
import { DEFAULT_BAND, DEFAULT_DOLLARS } from '../../../../shared/engine/assumptions';
import type { Assumptions, Plan } from '../../../../shared/plan/schema';
import type { Figure } from '../../../../shared/datapack/schema';
import { CardHeader } from '../../components/card-header';
import { Field } from '../../components/field';
import { SourceNote } from '../../components/source-note';
import { NumberInput } from '../../components/number-input';
import { formatPercent } from './format';
import { describeFigure, type Lookup } from './pack-lookup';
import type { FieldErrors } from './validation';

interface AssumptionsPanelProps {
  plan: Plan;
  errors: FieldErrors;
  lookup: Lookup;
  onChange: (update: (plan: Plan) => Plan) => void;
}

function setAssumption<K extends keyof Assumptions>(
  plan: Plan,
  key: K,
  value: Assumptions[K] | undefined,
): Plan {
  const assumptions: Assumptions = { ...(plan.assumptions ?? {}) };
  if (value === undefined) delete assumptions[key];
  else assumptions[key] = value;
  const next: Plan = { ...plan, assumptions };
  if (Object.keys(assumptions).length === 0) delete next.assumptions;
  return next;
}

function ChangedBadge({ onReset, what }: { onReset: () => void; what: string }) {
  return (
    <span className="changed">
      <span className="badge badge--accent">Changed from default</span>
      <button
        type="button"
        className="button button--link button--small"
        onClick={onReset}
        aria-label={`Use the default ${what}`}
      >
        Use default
      </button>
    </span>
  );
}

function DefaultHint({ lookup, figure, what }: { lookup: Lookup; figure: Figure; what: string }) {
  return (
    <span className="figure-line">
      Default {formatPercent(figure.value)}
      <SourceNote
        about={`the default ${what}`}
        label={'sourceId' in figure ? 'Source' : 'Why'}
        sourceId={'sourceId' in figure ? figure.sourceId : null}
      >
        {describeFigure(lookup, figure)}
      </SourceNote>
    </span>
  );
}

export function AssumptionsPanel({ plan, errors, lookup, onChange }: AssumptionsPanelProps) {
  const defaults = lookup.pack.defaults;
  const own = plan.assumptions ?? {};
  const bandName = useId();
  const dollarsName = useId();
  const set = <K extends keyof Assumptions>(key: K, value: Assumptions[K] | undefined) =>
    onChange((p) => setAssumption(p, key, value));
  const changedCount = Object.keys(own).length;

  return (
    <section className="card" aria-labelledby="assumptions-heading">
      <CardHeader
        headingId="assumptions-heading"
        title={
          <>
            Assumptions{' '}
            {changedCount > 0 && (
              <span className="badge badge--accent card__title-badge">{changedCount} changed</span>
            )}
          </>
        }
        subtitle="Guesses about the future. Change them to see what if."
      />
      <div className="form-grid">
        <Field
          label="Yearly raise above inflation"
          error={errors['assumptions.realRaisePct']}
          badge={
            own.realRaisePct !== undefined ? (
              <ChangedBadge what="yearly raise" onReset={() => set('realRaisePct', undefined)} />
            ) : undefined
          }
          hint={<DefaultHint lookup={lookup} figure={defaults.realRaisePct} what="yearly raise" />}
        >
          {(c) => (
            <NumberInput
              {...c}
              value={own.realRaisePct}
              placeholder={String(defaults.realRaisePct.value)}
              suffix="% a year"
              onValue={(v) => set('realRaisePct', v === null ? undefined : v)}
            />
          )}
        </Field>
        <Field
          label="Inflation"
          error={errors['assumptions.inflationPct']}
          badge={
            own.inflationPct !== undefined ? (
              <ChangedBadge what="inflation" onReset={() => set('inflationPct', undefined)} />
            ) : undefined
          }
          hint={<DefaultHint lookup={lookup} figure={defaults.inflationPct} what="inflation" />}
        >
          {(c) => (
            <NumberInput
              {...c}
              value={own.inflationPct}
              placeholder={String(defaults.inflationPct.value)}
              suffix="% a year"
              onValue={(v) => set('inflationPct', v === null ? undefined : v)}
            />
          )}
        </Field>
      </div>
      <fieldset className="choice-group">
        <legend className="field__label">
          Pay range shown
          {own.band !== undefined && <ChangedBadge what="pay range" onReset={() => set('band', undefined)} />}
        </legend>
        <label className="choice">
          <input
            type="radio"
            name={bandName}
            checked={(own.band ?? DEFAULT_BAND) === 'p25-p75'}
            onChange={() => set('band', 'p25-p75')}
          />
          <span>
            Middle half of workers <span className="muted">(25th–75th percentile)</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={bandName}
            checked={(own.band ?? DEFAULT_BAND) === 'p10-p90'}
            onChange={() => set('band', 'p10-p90')}
          />
          <span>
            Most workers <span className="muted">(10th–90th percentile)</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">
          Show money in
          {own.dollars !== undefined && (
            <ChangedBadge what="kind of dollars" onReset={() => set('dollars', undefined)} />
          )}
        </legend>
        <label className="choice">
          <input
            type="radio"
            name={dollarsName}
            checked={(own.dollars ?? DEFAULT_DOLLARS) === 'today'}
            onChange={() => set('dollars', 'today')}
          />
          <span>
            Today's dollars <span className="muted">(easier to compare with prices now)</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={dollarsName}
            checked={(own.dollars ?? DEFAULT_DOLLARS) === 'nominal'}
            onChange={() => set('dollars', 'nominal')}
          />
          <span>
            Future dollars <span className="muted">(the amounts on future paychecks)</span>
          </span>
        </label>
      </fieldset>
    </section>
  );
}
