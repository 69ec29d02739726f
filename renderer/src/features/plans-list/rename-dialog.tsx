/** Rename a plan. Enter saves, Escape cancels. */
import { useState } from 'react';
import { PlanNameSchema } from '../../../../shared/plan/schema';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { nameProblem } from '../../components/name-problem';
import { PLAN_NAME_WORDS } from './names';

interface RenameDialogProps {
  name: string | null;
  onCancel: () => void;
  onRename: (name: string) => void;
}

export function RenameDialog({ name, onCancel, onRename }: RenameDialogProps) {
  return name === null ? null : <RenameForm name={name} onCancel={onCancel} onRename={onRename} />;
}

function RenameForm({
  name,
  onCancel,
  onRename,
}: {
  name: string;
  onCancel: () => void;
  onRename: (name: string) => void;
}) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const parsed = PlanNameSchema.safeParse(value);
    if (!parsed.success) {
      setError(nameProblem(PlanNameSchema, value, PLAN_NAME_WORDS));
      return;
    }
    onRename(parsed.data);
  };
  return (
    <Dialog
      open
      title="Rename plan"
      onClose={onCancel}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Rename
          </button>
        </>
      }
    >
      <Field label="Plan name" error={error ?? undefined}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={value}
            dir="auto"
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => {
              setValue(event.target.value);
              setError(null);
            }}
          />
        )}
      </Field>
    </Dialog>
  );
}
