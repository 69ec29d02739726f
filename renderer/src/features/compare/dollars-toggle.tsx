/**
 * "Show money in: today's dollars | future dollars" for the Compare and Places screens. It starts
 * from what the plan says (the planner's own setting) and changes only what this screen shows.
 */
import { useId } from 'react';
import type { Dollars } from './compare-model';

interface DollarsToggleProps {
  value: Dollars;
  onChange: (value: Dollars) => void;
  /** A short line under the choice, e.g. that a plan's own setting is overridden. */
  note?: string;
}

const choices: Array<{ value: Dollars; label: string; title: string }> = [
  { value: 'today', label: "Today's dollars", title: 'Easier to compare with prices now' },
  { value: 'nominal', label: 'Future dollars', title: 'The amounts on future paychecks' },
];

export function DollarsToggle({ value, onChange, note }: DollarsToggleProps) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend className="segmented__legend">Show money in</legend>
      <div className="segmented__options">
        {choices.map((choice) => (
          <label key={choice.value} className="segmented__option" title={choice.title}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {note && <p className="segmented__note">{note}</p>}
    </fieldset>
  );
}
