import { useTranslation } from 'react-i18next';
import type { PackOrder } from '../../../domain/packing/types';
import { LabelActions } from '../../labels/label-actions';
import { usePrinter } from '../../local/use-pack';
import { useSession } from '../../local/use-session';
import type { Packed } from './pack-session';

/**
 * A confirmed order's labels: the PDF made and sent to print at Confirm (no extra tap;
 * works offline), "Print PDF" again, or the bench's printer when online.
 */
export function LabelsPanel({ order, packed, benchId }: { order: PackOrder; packed: Packed; benchId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const printer = usePrinter(benchId);
  const pdf = packed.pdf;
  return (
    <section className="stack" aria-label={t('packing.labels-of', { order: order.orderRef })} data-testid="pack-labels">
      <ul className="pack-numbers">
        {packed.args.cartons.map((c, i) => (
          <li key={c.cartonId} data-testid="carton-numbers">
            {t('packing.carton-n', { n: i + 1, count: packed.args.cartons.length })}: <strong data-testid="tracking">{c.trackingNumber}</strong> ·{' '}
            <span data-testid="sscc">{c.sscc}</span>
          </li>
        ))}
      </ul>
      {pdf && (
        <a className="btn" href={pdf.url} download={pdf.filename} target="_blank" rel="noreferrer" data-testid="pack-labels-pdf">
          {t('labels.open-pdf')}
        </a>
      )}
      <LabelActions
        models={packed.models}
        title={`labels-${order.orderRef}`}
        api={{ token: session?.token ?? null }}
        shipmentId={packed.args.shipmentId}
        benchId={benchId}
        printer={printer}
      />
    </section>
  );
}
