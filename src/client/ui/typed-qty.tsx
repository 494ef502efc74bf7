import { useId, useState, type FormEvent } from 'react';

interface Props {
  /** The button that opens the field, e.g. "Type units of MUG-1". */
  openLabel: string;
  /** The field's label. */
  label: string;
  submitLabel: string;
  cancelLabel: string;
  initial: number;
  min: number;
  onSubmit: (n: number) => void;
}

/**
 * A quantity typed by hand, in a field open only while typing: a scanner's keys never
 * land in a field left focused, and the next scan after Set goes to the screen.
 */
export function TypedQty({ openLabel, label, submitLabel, cancelLabel, initial, min, onSubmit }: Props) {
  const id = useId();
  const [value, setValue] = useState<string | null>(null);
  if (value === null) {
    return (
      <button type="button" className="btn" onClick={() => setValue(String(initial))}>
        {openLabel}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min) return;
    onSubmit(n);
    setValue(null);
  };
  return (
    <form className="qty-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="number" inputMode="numeric" min={min} step={1} value={value} autoFocus onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
      <button type="button" className="btn" onClick={() => setValue(null)}>
        {cancelLabel}
      </button>
    </form>
  );
}
