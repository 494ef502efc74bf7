import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ask } from './receive-session';

/** Lot or expiry the barcode did not carry: typed by the clerk, then the unit is judged again. */
export function AskForm({ ask, names, onAnswer, onCancel }: { ask: Ask; names: Record<string, { code: string }>; onAnswer: (v: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // The panel remounts for each question (keyed by the caller), so it starts empty.
  useEffect(() => {
    input.current?.focus();
  }, []);
  return (
    <form
      className="stack receive-panel"
      aria-labelledby={`${id}-title`}
      data-testid="receive-ask"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onAnswer(value);
      }}
    >
      <h3 id={`${id}-title`}>{t(`receiving.ask-${ask.needs}-title`, { sku: names[ask.skuId]?.code ?? ask.skuId })}</h3>
      <div className="field">
        <label htmlFor={id}>{t(`receiving.ask-${ask.needs}-label`)}</label>
        <input
          id={id}
          ref={input}
          type="text"
          autoComplete="off"
          inputMode={ask.needs === 'expiry' ? 'numeric' : 'text'}
          placeholder={ask.needs === 'expiry' ? 'yyyy-mm-dd' : ''}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={!value.trim()}>
          {t('receiving.ask-submit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('receiving.cancel')}
        </button>
      </div>
    </form>
  );
}
