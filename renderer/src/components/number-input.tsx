/**
 * A number typed as text: keeps exactly what the person typed while they type (so "2" on the
 * way to "2028" is not rewritten), and reports a number, null (empty) or NaN (not a number).
 * With `commit="blur"` it reports only on blur or Enter: the timeline uses that for a step's
 * year so the step does not jump to a new place in the list under the person's fingers.
 */
import { useState, type InputHTMLAttributes } from 'react';
import { numberInputText, parseNumberInput } from '../features/planner/format';
import type { ControlProps } from './field';

interface NumberInputProps
  extends
    ControlProps,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'value' | 'onChange' | 'id' | 'aria-invalid' | 'aria-describedby'
    > {
  value: number | null | undefined;
  onValue: (value: number | null) => void;
  commit?: 'change' | 'blur';
  /** Text shown before the input, e.g. "$". */
  prefix?: string;
  /** Text shown after the input, e.g. "%" or "hours". */
  suffix?: string;
}

export function NumberInput({
  value,
  onValue,
  commit = 'change',
  prefix,
  suffix,
  className,
  ...rest
}: NumberInputProps) {
  const [text, setText] = useState(() => numberInputText(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (another field, undo, reload): show it.
  if (!Object.is(shown, value)) {
    setShown(value);
    const parsed = parseNumberInput(text);
    if (
      !Object.is(parsed ?? undefined, value ?? undefined) &&
      !(Number.isNaN(parsed) && Number.isNaN(value))
    ) {
      setText(numberInputText(value));
    }
  }

  const report = (raw: string) => {
    const parsed = parseNumberInput(raw);
    if (Object.is(parsed, value) || (parsed === null && value === undefined)) return;
    setShown(parsed);
    onValue(parsed);
  };

  const input = (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={`input input--number${className ? ` ${className}` : ''}`}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        if (commit === 'change') report(event.target.value);
      }}
      onBlur={(event) => {
        if (commit === 'blur') report(event.target.value);
        rest.onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (commit === 'blur' && event.key === 'Enter') {
          event.preventDefault();
          report(event.currentTarget.value);
        }
        rest.onKeyDown?.(event);
      }}
    />
  );
  if (!prefix && !suffix) return input;
  return (
    <span className="input-affix">
      {prefix && (
        <span className="input-affix__text" aria-hidden="true">
          {prefix}
        </span>
      )}
      {input}
      {suffix && (
        <span className="input-affix__text input-affix__text--suffix" aria-hidden="true">
          {suffix}
        </span>
      )}
    </span>
  );
}
