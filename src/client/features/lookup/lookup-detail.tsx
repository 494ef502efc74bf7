import { useTranslation } from 'react-i18next';
import type { LookupDetail, OrderSummary } from '../../local/lookup-repo';

/** What the one thing looked up holds, as a table a clerk can read at arm's length. */
export function DetailView({ detail }: { detail: LookupDetail }) {
  switch (detail.kind) {
    case 'bin':
      return <BinView detail={detail} />;
    case 'sku':
      return <SkuView detail={detail} />;
    case 'tote':
      return <ToteView detail={detail} />;
    case 'carton':
      return <CartonView detail={detail} />;
    case 'order':
      return <OrderView order={detail.order} />;
    case 'asn':
      return <AsnView detail={detail} />;
  }
}

function BinView({ detail }: { detail: Extract<LookupDetail, { kind: 'bin' }> }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h2>{t('lookup.bin-title', { code: detail.location.code })}</h2>
      <p className="muted">{t(`lookup.location-type.${detail.location.type}`)}</p>
      {detail.lines.length === 0 ? (
        <p>{t('lookup.bin-empty')}</p>
      ) : (
        <table className="lookup-table" data-testid="lookup-lines">
          <caption className="visually-hidden">{t('lookup.bin-title', { code: detail.location.code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lookup.col.item')}</th>
              <th scope="col">{t('lookup.col.lot')}</th>
              <th scope="col">{t('lookup.col.expiry')}</th>
              <th scope="col" className="num">{t('lookup.col.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l) => (
              <tr key={`${l.skuId}|${l.lot}|${l.expiry}`}>
                <td>
                  <strong>{l.skuCode}</strong> {l.skuName}
                </td>
                <td>{l.lot ?? '–'}</td>
                <td>{l.expiry ?? '–'}</td>
                <td className="num">{l.qty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SkuView({ detail }: { detail: Extract<LookupDetail, { kind: 'sku' }> }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h2>{t('lookup.sku-title', { code: detail.sku.code, name: detail.sku.name })}</h2>
      {detail.packQty > 1 && <p className="message message-warn">{t('lookup.pack', { qty: detail.packQty })}</p>}
      {detail.lot && <p>{t('lookup.scanned-lot', { lot: detail.lot, expiry: detail.expiry ?? '–' })}</p>}
      <p data-testid="lookup-total">{t('lookup.sku-total', { total: detail.total, count: detail.lines.length })}</p>
      {detail.lines.length > 0 && (
        <table className="lookup-table" data-testid="lookup-lines">
          <caption className="visually-hidden">{t('lookup.sku-title', { code: detail.sku.code, name: detail.sku.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lookup.col.bin')}</th>
              <th scope="col">{t('lookup.col.lot')}</th>
              <th scope="col">{t('lookup.col.expiry')}</th>
              <th scope="col" className="num">{t('lookup.col.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.lines.map((l) => (
              <tr key={`${l.locationId}|${l.lot}|${l.expiry}`}>
                <td>
                  <strong>{l.locationCode}</strong>
                </td>
                <td>{l.lot ?? '–'}</td>
                <td>{l.expiry ?? '–'}</td>
                <td className="num">{l.qty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ToteView({ detail }: { detail: Extract<LookupDetail, { kind: 'tote' }> }) {
  const { t } = useTranslation();
  const picked = detail.tasks.filter((x) => x.pickedQty > 0);
  return (
    <div className="stack">
      <h2>{t('lookup.tote-title', { code: detail.tote.code })}</h2>
      {detail.orders.map((o) => (
        <OrderView key={o.orderId} order={o} />
      ))}
      {picked.length > 0 && (
        <table className="lookup-table" data-testid="lookup-lines">
          <caption>{t('lookup.tote-picked')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lookup.col.order')}</th>
              <th scope="col">{t('lookup.col.item')}</th>
              <th scope="col" className="num">{t('lookup.col.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {picked.map((x) => (
              <tr key={x.id}>
                <td>{x.orderRef}</td>
                <td>{x.skuCode}</td>
                <td className="num">{x.pickedQty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.orders.length === 0 && picked.length === 0 && <p>{t('lookup.tote-empty')}</p>}
    </div>
  );
}

function CartonView({ detail }: { detail: Extract<LookupDetail, { kind: 'carton' }> }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h2>{t('lookup.carton-title', { code: detail.trackingNumber ?? detail.sscc ?? '' })}</h2>
      {detail.order ? <OrderView order={detail.order} /> : <p>{t('lookup.carton-no-order')}</p>}
    </div>
  );
}

function OrderView({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  return (
    <div className="stack card">
      <h3 className="card-title">{t('lookup.order-title', { ref: order.ref })}</h3>
      <p>{t(`lookup.order-status.${order.status}`, { defaultValue: t('lookup.order-status.other') })}</p>
      {order.trackingNumbers.length > 0 && <p>{t('lookup.tracking', { numbers: order.trackingNumbers.join(', ') })}</p>}
      <ul>
        {order.lines.map((l, i) => (
          <li key={`${l.skuId}|${l.lot}|${i}`}>{t('lookup.order-line', { qty: l.qty, code: l.skuCode, lot: l.lot ?? '–' })}</li>
        ))}
      </ul>
    </div>
  );
}

function AsnView({ detail }: { detail: Extract<LookupDetail, { kind: 'asn' }> }) {
  const { t } = useTranslation();
  const a = detail.asn;
  return (
    <div className="stack">
      <h2>{t('lookup.asn-title', { ref: a.reference })}</h2>
      <p>{t(`lookup.asn-status.${a.status}`)}</p>
      <p>{t('lookup.asn-size', { cartons: a.cartons.length, lines: a.lines.length, units: a.lines.reduce((n, l) => n + l.qty, 0) })}</p>
    </div>
  );
}
