import { useTranslation } from 'react-i18next';
import type { LineProgress } from '../../../domain/inbound/types';

type Names = Record<string, { code: string; name: string }>;

function stateOf(p: LineProgress): 'over' | 'done' | 'open' | 'unexpected' {
  if (p.line === null) return 'unexpected';
  if (p.received > p.expected) return 'over';
  return p.received === p.expected ? 'done' : 'open';
}

/** Expected against received, a row per ASN line and per SKU the ASN did not name. */
export function ProgressTable({ progress, names, blind }: { progress: LineProgress[]; names: Names; blind: boolean }) {
  const { t } = useTranslation();
  if (!progress.length) return <p className="muted">{t('receiving.nothing-yet')}</p>;
  return (
    <table className="receive-progress" data-testid="receive-progress">
      <caption className="visually-hidden">{t('receiving.progress-caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('receiving.col-sku')}</th>
          <th scope="col">{t('receiving.col-lot')}</th>
          {!blind && (
            <th scope="col" className="num">
              {t('receiving.col-expected')}
            </th>
          )}
          <th scope="col" className="num">
            {t('receiving.col-received')}
          </th>
          <th scope="col">{t('receiving.col-state')}</th>
        </tr>
      </thead>
      <tbody>
        {progress.map((p, i) => {
          const s = stateOf(p);
          return (
            <tr key={`${p.skuId}-${p.line ?? 'x'}-${i}`} className={`is-${s}`} data-sku={names[p.skuId]?.code ?? p.skuId}>
              <th scope="row">
                {names[p.skuId]?.code ?? p.skuId}
                <div className="muted">{names[p.skuId]?.name}</div>
              </th>
              <td>{p.lot ?? '—'}</td>
              {!blind && <td className="num">{p.expected}</td>}
              <td className="num">{p.received}</td>
              <td>{blind ? '' : t(`receiving.state.${s}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
