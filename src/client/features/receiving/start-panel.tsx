import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenAsns, useReceivingSellers } from '../../local/use-receiving';
import { startAsn, startBlind, type DockCtx } from './receive-actions';

/** No receipt in progress: scan an ASN or a carton, tap an ASN, or start a blind receipt. */
export function StartPanel({ ctx }: { ctx: DockCtx }) {
  const { t } = useTranslation();
  const asns = useOpenAsns();
  const sellers = useReceivingSellers();
  const [seller, setSeller] = useState('');
  const sellerId = useId();
  return (
    <section className="stack" aria-labelledby="start-title" data-testid="receive-start">
      <h2 id="start-title">{t('receiving.start-title')}</h2>
      <p className="prompt">{t('receiving.scan-asn')}</p>
      {asns && asns.length === 0 && <p className="muted">{t('receiving.no-asns')}</p>}
      <ul className="cards" aria-label={t('receiving.asn-list')}>
        {asns?.map((a) => (
          <li key={a.id}>
            <button type="button" className="card card-primary" onClick={() => void startAsn(a.id, a.sellerId, ctx)}>
              <span className="card-title">{a.reference}</span>
              <span className="muted">
                {t('receiving.asn-facts', { seller: a.sellerId, lines: a.lines.length, cartons: a.cartons.length })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="stack"
        aria-labelledby="blind-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (seller) void startBlind(seller, ctx);
        }}
      >
        <h2 id="blind-title">{t('receiving.blind-title')}</h2>
        <div className="field">
          <label htmlFor={sellerId}>{t('receiving.seller')}</label>
          <select id={sellerId} className="receive-select" value={seller} onChange={(e) => setSeller(e.target.value)} required>
            <option value="">{t('receiving.choose-seller')}</option>
            {sellers.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn" disabled={!seller}>
          {t('receiving.start-blind')}
        </button>
      </form>
    </section>
  );
}
