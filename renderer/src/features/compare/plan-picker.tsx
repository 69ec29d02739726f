/**
 * Picks the plans to compare: every saved plan as a checkbox, up to four at a time. The order of
 * picking gives the letters (A, B, C, D); A is the plan the others are measured against, and any
 * other picked plan can be made A.
 */
import type { PlanSummary } from '../plans-list/plans-list';
import { yearSpan } from '../planner/format';
import type { Lookup } from '../planner/pack-lookup';
import { MAX_COMPARED } from './compare-model';
import { seriesStyle } from './series-style';

interface PlanPickerProps {
  plans: PlanSummary[];
  chosen: number[];
  lookup: Lookup;
  onChange: (chosen: number[]) => void;
}

export function PlanPicker({ plans, chosen, lookup, onChange }: PlanPickerProps) {
  const full = chosen.length >= MAX_COMPARED;
  return (
    <fieldset className="plan-picker">
      <legend className="visually-hidden">Plans to compare</legend>
      <ul className="plan-picker__list">
        {plans.map((plan) => {
          const position = chosen.indexOf(plan.id);
          const picked = position >= 0;
          const style = picked ? seriesStyle(position) : null;
          const id = `compare-pick-${plan.id}`;
          return (
            <li key={plan.id} className={`plan-picker__item${picked ? ' is-picked' : ''}`}>
              <input
                id={id}
                type="checkbox"
                className="plan-picker__check"
                checked={picked}
                disabled={!picked && full}
                onChange={(event) =>
                  onChange(event.target.checked ? [...chosen, plan.id] : chosen.filter((x) => x !== plan.id))
                }
              />
              <label htmlFor={id} className="plan-picker__label">
                <span className="plan-picker__name" dir="auto">{plan.name}</span>
                <span className="plan-picker__meta">
                  {lookup.roleTitle(plan.startRole)} · {yearSpan(plan.startYear, plan.years)}
                </span>
              </label>
              {style && (
                <span className="series-chip series-chip--large" data-letter={style.letter}>
                  <span className="visually-hidden">Plan </span>
                  {style.letter}
                </span>
              )}
              {picked && position > 0 && (
                <button
                  type="button"
                  className="button button--link button--small plan-picker__first"
                  aria-label={`Measure the others against ${plan.name}`}
                  onClick={() => onChange([plan.id, ...chosen.filter((x) => x !== plan.id)])}
                >
                  Make A
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="plan-picker__note" aria-live="polite">
        {chosen.length < 2
          ? `Pick ${chosen.length === 0 ? 'two' : 'one more'} to compare.`
          : full
            ? `That's ${MAX_COMPARED}, the most at a time. Untick one to pick another.`
            : `${chosen.length} picked. You can add ${MAX_COMPARED - chosen.length} more.`}{' '}
        Plan A is the one the others are measured against.
      </p>
    </fieldset>
  );
}
