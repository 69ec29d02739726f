/** "Start a new plan": a name, the first job and the place; everything else has a sensible default. */
import { useEffect, useRef, useState } from 'react';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import { PlanNameSchema, type Plan } from '../../../../shared/plan/schema';
import { newPlan } from '../../../../shared/plan/new-plan';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { Select } from '../../components/select';
import type { PlannerOptions } from '../planner/options';
import { planFromTemplate } from '../../../../shared/templates/plan-from-template';
import { StartFrom } from '../pathways/start-from';
import { TemplatePreview } from '../pathways/template-preview';
import { PLAN_NAME_WORDS, uniquePlanName } from './names';
import { nameProblem } from '../../components/name-problem';

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
  /** Names already used, so a pathway's name is offered as a new one ("CMAA fast track 2"). */
  takenNames?: readonly string[];
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
  takenNames = [],
}: NewPlanDialogProps) {
  const first = newPlan(index, { startYear });
  const [name, setName] = useState(suggestedName);
  const [role, setRole] = useState(first.start.role);
  const [place, setPlace] = useState(first.start.place);
  const [nameError, setNameError] = useState<string | null>(null);
  // A pathway from the data pack (null: a blank plan). Its name is offered until the name is typed.
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [nameTyped, setNameTyped] = useState(false);
  // The name gets focus once the dialog is open (opening focuses its first control, a pathway).
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const template = index.pack.templates.find((t) => t.id === templateId) ?? null;
  const chooseTemplate = (id: string | null) => {
    setTemplateId(id);
    const chosen = index.pack.templates.find((t) => t.id === id);
    if (!nameTyped) setName(chosen ? uniquePlanName(takenNames, chosen.name) : suggestedName);
  };

  const submit = () => {
    const parsed = PlanNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(nameProblem(PlanNameSchema, name, PLAN_NAME_WORDS));
      return;
    }
    onCreate(
      template
        ? planFromTemplate(template, index, { startYear, place, name: parsed.data })
        : newPlan(index, { startYear, name: parsed.data, role, place }),
    );
  };

  return (
    <Dialog
      open={open}
      title="Start a new plan"
      description="Pick where you'd begin, or start from a pathway the career guides describe. You can change every step later."
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
      {index.pack.templates.length > 0 && (
        <StartFrom
          templates={index.pack.templates}
          index={index}
          value={templateId}
          onChange={chooseTemplate}
        />
      )}
      <Field label="Plan name" error={nameError ?? undefined}>
        {(c) => (
          <input
            {...c}
            ref={nameRef}
            className="input"
            value={name}
            dir="auto"
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setNameTyped(true);
              setNameError(null);
            }}
          />
        )}
      </Field>
      <Field
        label="Starting role"
        hint={
          template
            ? 'Set by the pathway. Pick “Blank plan” to choose your own.'
            : 'Your first job in this plan. Not sure? Medical Assistant is a common start.'
        }
      >
        {(c) => (
          <Select
            {...c}
            value={template ? template.start.role : role}
            disabled={template !== null}
            groups={options.roles}
            onValue={setRole}
          />
        )}
      </Field>
      <Field label="Where you'll work" hint="Pay differs a lot from place to place.">
        {(c) => <Select {...c} value={place} groups={options.places} onValue={setPlace} />}
      </Field>
      {template && <TemplatePreview template={template} index={index} startYear={startYear} place={place} />}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
