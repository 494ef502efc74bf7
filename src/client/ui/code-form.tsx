import { useId, useState, type FormEvent } from 'react';

/** A code typed by hand (a label too worn to scan). A real text field, so scanner keys never land in it. */
export function CodeForm({ label, submitLabel, onSubmit }: { label: string; submitLabel: string; onSubmit: (text: string) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === '') return;
    onSubmit(value.trim());
    setValue('');
  };
  return (
    <form className="qty-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" className="btn">
        {submitLabel}
      </button>
    </form>
  );
}
