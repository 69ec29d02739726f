/**
 * The sidebar: every plan, newest first, with actions for the open one (rename, duplicate,
 * delete). Plans are buttons; the open one is marked with aria-current.
 */
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { yearSpan } from '../planner/format';
import type { Lookup } from '../planner/pack-lookup';

export type PlanSummary = ChannelOutput<'plans:list'>[number];

interface PlansListProps {
  plans: PlanSummary[];
  selectedId: number | null;
  lookup: Lookup | null;
  onSelect: (id: number) => void;
  onRename: (plan: PlanSummary) => void;
  onDuplicate: (plan: PlanSummary) => void;
  onDelete: (plan: PlanSummary) => void;
}

export function PlansList({
  plans,
  selectedId,
  lookup,
  onSelect,
  onRename,
  onDuplicate,
  onDelete,
}: PlansListProps) {
  if (plans.length === 0) {
    return <p className="sidebar__empty">No plans yet.</p>;
  }
  return (
    <ul className="plan-list" aria-label="Your plans">
      {plans.map((plan) => {
        const selected = plan.id === selectedId;
        return (
          <li key={plan.id} className={`plan-list__item${selected ? ' is-selected' : ''}`}>
            <button
              type="button"
              className="plan-list__open"
              aria-current={selected ? 'page' : undefined}
              onClick={() => onSelect(plan.id)}
              data-testid="plan-list-item"
            >
              <span className="plan-list__name" dir="auto">
                {plan.name}
              </span>
              {plan.unreadable ? (
                <span className="plan-list__meta plan-list__meta--problem">Can’t be opened: damaged</span>
              ) : (
                <span className="plan-list__meta">
                  {lookup ? lookup.roleTitle(plan.startRole) : plan.startRole} ·{' '}
                  {yearSpan(plan.startYear, plan.years)}
                </span>
              )}
            </button>
            {selected && (
              <div className="plan-list__actions" role="group" aria-label={`Actions for ${plan.name}`}>
                <button type="button" className="button button--sidebar" onClick={() => onRename(plan)}>
                  Rename
                </button>
                <button type="button" className="button button--sidebar" onClick={() => onDuplicate(plan)}>
                  Duplicate
                </button>
                <button
                  type="button"
                  className="button button--sidebar button--danger-text"
                  onClick={() => onDelete(plan)}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
