import { useId, useState, type FormEvent } from 'react';

interface Props {
  label: string;
  submitLabel: string;
  min: number;
  max: number;
  onSubmit: (n: number) => void;
  autoFocus?: boolean;
}

/** A typed quantity. Being a real text field, scanner keys are never taken from it. */
export function QtyForm({ label, submitLabel, min, max, onSubmit, autoFocus }: Props) {
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return;
    onSubmit(n);
    setValue('');
  };
  return (
    <form className="qty-form" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        autoFocus={autoFocus}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn">
        {submitLabel}
      </button>
    </form>
  );
}
