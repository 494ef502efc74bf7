import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setDraftReason, type DraftView } from '../../local/receiving-drafts';
import { closeReceiptNow } from './receive-actions';
import { reasonsComplete, type ReceiptSummary } from './receive-summary';

type Names = Record<string, { code: string; name: string }>;

/** Close: what was received and what went wrong, a reason for each over or short SKU, then confirm. */
export function CloseSummary({ view, summary, names, onBack }: { view: DraftView; summary: ReceiptSummary; names: Names; onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const notes = view.draft.notes;
  const complete = reasonsComplete(summary, notes);
  const counts: [string, number][] = [
    ['received', summary.received],
    ['over', summary.over],
    ['short', summary.short],
    ['damaged', summary.damaged],
    ['unexpected', summary.unexpected],
    ['shelf-life', summary.shelfLife],
  ];
  return (
    <section className="stack receive-panel" aria-labelledby={`${id}-title`} data-testid="close-summary">
      <h2 id={`${id}-title`}>{t('receiving.close-title')}</h2>
      <dl className="receive-counts">
        {counts.map(([k, n]) => (
          <div key={k} data-testid={`count-${k}`}>
            <dt>{t(`receiving.count.${k}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {summary.needReason.map((r) => (
        <ReasonField
          key={`${r.kind}-${r.skuId}`}
          label={t(`receiving.reason-${r.kind}`, { sku: names[r.skuId]?.code ?? r.skuId, count: r.qty })}
          initial={notes.find((n) => n.kind === r.kind && n.skuId === r.skuId)?.reason ?? ''}
          onChange={(text) => void setDraftReason(view.draft.id, r.kind, r.skuId, text)}
        />
      ))}
      {!complete && <p className="hint">{t('receiving.reasons-needed')}</p>}
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!complete || busy}
          onClick={() => {
            setBusy(true);
            void closeReceiptNow(view.draft.id).then((ok) => {
              setBusy(false);
              if (ok) onBack();
            });
          }}
        >
          {t('receiving.confirm-close')}
        </button>
        <button type="button" className="btn" onClick={onBack}>
          {t('receiving.back')}
        </button>
      </div>
    </section>
  );
}

function ReasonField({ label, initial, onChange }: { label: string; initial: string; onChange: (text: string) => void }) {
  const id = useId();
  const [value, setValue] = useState(initial);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        maxLength={500}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}
