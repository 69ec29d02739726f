/** "Start a new plan": a name, the first job and the place; everything else has a sensible default. */
import { useState } from 'react';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { PlanNameSchema, type Plan } from '../../../../shared/plan/schema';
import { newPlan } from '../../../../shared/plan/new-plan';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import type { PlannerOptions } from '../planner/options';

interface NewPlanDialogProps {
  open: boolean;
  index: DataPackIndex;
  options: PlannerOptions;
  suggestedName: string;
  startYear: number;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onCreate: (plan: Plan) => void;
}

export function NewPlanDialog(props: NewPlanDialogProps) {
  // Remount the form each time it opens so it starts fresh.
  return props.open ? <NewPlanForm {...props} /> : null;
}

function NewPlanForm({
  open,
  index,
  options,
  suggestedName,
  startYear,
  busy,
  error,
  onCancel,
  onCreate,
}: NewPlanDialogProps) {
  const first = newPlan(index, { startYear });
  const [name, setName] = useState(suggestedName);
  const [role, setRole] = useState(first.start.role);
  const [place, setPlace] = useState(first.start.place);
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = () => {
    const parsed = PlanNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError('Give your plan a name.');
      return;
    }
    onCreate(newPlan(index, { startYear, name: parsed.data, role, place }));
  };

  return (
    <Dialog
      open={open}
      title="Start a new plan"
      description="Pick where you'd begin. You can add steps like a certification or a new role next."
      onClose={onCancel}
      onSubmit={submit}
      size="medium"
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create plan'}
          </button>
        </>
      }
    >
      <Field label="Plan name" error={nameError ?? undefined}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={name}
            maxLength={120}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
        )}
      </Field>
      <Field
        label="Starting role"
        hint="Your first job in this plan. Not sure? Medical Assistant is a common start."
      >
        {(c) => <Select {...c} value={role} groups={options.roles} onValue={setRole} />}
      </Field>
      <Field label="Where you'll work" hint="Pay differs a lot from place to place.">
        {(c) => <Select {...c} value={place} groups={options.places} onValue={setPlace} />}
      </Field>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
