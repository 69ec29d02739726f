/** A native `<select>` with option groups: native so it is keyboard- and screen-reader-friendly everywhere. */
import type { SelectHTMLAttributes } from 'react';
import type { ControlProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}
export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

interface SelectProps
  extends
    ControlProps,
    Omit<
      SelectHTMLAttributes<HTMLSelectElement>,
      'value' | 'onChange' | 'id' | 'aria-invalid' | 'aria-describedby'
    > {
  value: string;
  onValue: (value: string) => void;
  groups?: SelectGroup[];
  options?: SelectOption[];
}

export function Select({ value, onValue, groups, options, className, ...rest }: SelectProps) {
  const known = [...(options ?? []), ...(groups ?? []).flatMap((g) => g.options)].some(
    (o) => o.value === value,
  );
  return (
    <select
      {...rest}
      className={`input input--select${className ? ` ${className}` : ''}`}
      value={value}
      onChange={(event) => onValue(event.target.value)}
    >
      {!known && <option value={value}>{value || 'Choose…'}</option>}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {groups?.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
