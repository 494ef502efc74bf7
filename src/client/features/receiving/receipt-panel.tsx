import { useTranslation } from 'react-i18next';
import { discardDraft, lineOf, type DraftView } from '../../local/receiving-drafts';
import { useSkuNames } from '../../local/use-receiving';
import { AskForm } from './ask-form';
import { CloseSummary } from './close-summary';
import { DamagePanel } from './damage-panel';
import { ProgressTable } from './progress-table';
import { acceptOffer, answerAsk, openOfferedCarton, undoLast } from './receive-actions';
import { useReceiveSession } from './receive-session';
import { summaryOf } from './receive-summary';

/** A receipt in progress: what is expected and received, the scan's answer, damage, undo and close. */
export function ReceiptPanel({ view, userId }: { view: DraftView; userId: string }) {
  const { t } = useTranslation();
  const { ask, offer, openCarton, closing, set } = useReceiveSession();
  const lines = view.lines.map(lineOf);
  const summary = summaryOf(view.asn, lines, view.rules, new Date());
  const names = useSkuNames([...summary.progress.map((p) => p.skuId), ...(ask ? [ask.skuId] : [])]);
  const blind = view.asn === null;
  if (closing) return <CloseSummary view={view} summary={summary} names={names} onBack={() => set({ closing: false })} />;
  return (
    <section className="stack" aria-labelledby="receipt-title" data-testid="receipt">
      <h2 id="receipt-title">
        {blind ? t('receiving.blind-receipt', { seller: view.draft.sellerId }) : t('receiving.asn-receipt', { asn: view.asn!.reference })}
      </h2>
      {ask ? (
        <AskForm key={`${ask.needs}-${ask.skuId}`} ask={ask} names={names} onAnswer={(v) => void answerAsk(userId, v)} onCancel={() => set({ ask: null })} />
      ) : offer ? (
        <div className="stack receive-panel" data-testid="carton-offer">
          <p className="prompt">{t('receiving.carton-offer-prompt', { sscc: offer.sscc, count: offer.lines.reduce((s, l) => s + l.qty, 0) })}</p>
          <div className="row">
            <button type="button" className="btn btn-primary" onClick={() => void acceptOffer(userId)}>
              {t('receiving.accept-carton')}
            </button>
            <button type="button" className="btn" onClick={openOfferedCarton}>
              {t('receiving.open-carton')}
            </button>
          </div>
        </div>
      ) : (
        <p className="prompt" data-testid="receive-prompt">
          {t('receiving.scan-units')}
        </p>
      )}
      {openCarton && (
        <div className="row">
          <p className="muted" data-testid="open-carton">
            {t('receiving.in-carton', { sscc: openCarton })}
          </p>
          <button type="button" className="btn" onClick={() => set({ openCarton: null })}>
            {t('receiving.carton-done')}
          </button>
        </div>
      )}
      <DamagePanel />
      <ProgressTable progress={summary.progress} names={names} blind={blind} />
      <div className="row">
        <button type="button" className="btn" disabled={!lines.length} onClick={() => void undoLast(userId)}>
          {t('receiving.undo')}
        </button>
        {!lines.length && (
          <button type="button" className="btn" onClick={() => void discardDraft(view.draft.id)}>
            {t('receiving.discard')}
          </button>
        )}
        <button type="button" className="btn btn-primary" disabled={!lines.length} onClick={() => set({ closing: true, ask: null, offer: null })}>
          {t('receiving.close')}
        </button>
      </div>
    </section>
  );
}
