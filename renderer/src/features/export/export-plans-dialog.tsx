/**
 * "Save plans to a file": pick one or more plans for a `.pathway.json` file, to carry between
 * the lab computer and home, or to open with the command line.
 */
import { useState } from 'react';
import { Dialog } from '../../components/dialog';

interface ExportPlansDialogProps {
  plans: Array<{ id: number; name: string }>;
  initialIds: number[];
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (ids: number[]) => void;
}

export function ExportPlansDialog({ plans, initialIds, busy, error, onCancel, onSave }: ExportPlansDialogProps) {
  const [chosen, setChosen] = useState(() => new Set(initialIds));
  const ids = plans.filter((p) => chosen.has(p.id)).map((p) => p.id);
  const all = ids.length === plans.length;
  const toggle = (id: number) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Dialog
      open
      size="medium"
      title="Save plans to a file"
      description="A plan file (.pathway.json) holds whole plans. Open it in Pathway Planner on another computer with “Import plans”."
      onClose={onCancel}
      onSubmit={() => ids.length > 0 && !busy && onSave(ids)}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={ids.length === 0 || busy}>
            {busy ? 'Saving…' : ids.length === 1 ? 'Save 1 plan…' : `Save ${ids.length} plans…`}
          </button>
        </>
      }
    >
      <fieldset className="choice-group export-plans">
        <legend className="field__label">Plans to save</legend>
        <label className="choice choice--all">
          <input
            type="checkbox"
            checked={all}
            onChange={() => setChosen(all ? new Set() : new Set(plans.map((p) => p.id)))}
          />
          <span>All plans ({plans.length})</span>
        </label>
        <div className="export-plans__list">
          {plans.map((p) => (
            <label key={p.id} className="choice">
              <input type="checkbox" checked={chosen.has(p.id)} onChange={() => toggle(p.id)} />
              <span>{p.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
