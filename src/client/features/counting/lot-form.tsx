import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordLot } from './count-actions';
import { useCountSession } from './count-session';

/** The lot of a lot-tracked item whose barcode did not carry it, read from its label. */
export function LotForm() {
  const { t } = useTranslation();
  const id = useId();
  const ask = useCountSession((s) => s.askLot);
  const setAskLot = useCountSession((s) => s.setAskLot);
  const [value, setValue] = useState('');
  if (!ask) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (recordLot(value)) setValue('');
  };
  return (
    <form className="qty-form message message-warn" onSubmit={submit} data-testid="count-lot">
      <div className="field">
        <label htmlFor={id}>{t('counting.lot-of', { code: ask.line.code })}</label>
        <input id={id} type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} autoFocus value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary">
        {t('counting.record-lot')}
      </button>
      <button type="button" className="btn" onClick={() => setAskLot(null)}>
        {t('counting.skip-unit')}
      </button>
    </form>
  );
}
