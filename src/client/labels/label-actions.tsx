import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelModel } from '../../domain/packing/types';
import { makeLabelsPdf, openPdf, type OpenedPdf } from './labels-pdf';
import { printLabelsOnBench, type PrintApi } from './print-on-bench';

interface Props {
  /** The cartons' labels, for the PDF (works offline). */
  models: readonly LabelModel[];
  /** Names the PDF file and its print frame, e.g. the order reference. */
  title: string;
  api: PrintApi;
  /** The shipment on the server and the bench whose printer prints it; no printer button without them. */
  shipmentId?: string | null;
  benchId?: string | null;
  /** The bench's label printer, as configured (its host). */
  printer?: string | null;
  onPrinted?: (how: 'pdf' | 'printer') => void;
}

type Status = { kind: 'idle' } | { kind: 'printing' } | { kind: 'printed'; count: number } | { kind: 'failed'; code: string };

/** "Print PDF" always; "Print on <printer>" where the bench has one, with Retry / Use PDF when it fails. */
export function LabelActions({ models, title, api, shipmentId, benchId, printer, onPrinted }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pdf, setPdf] = useState<OpenedPdf | null>(null);
  const pdfRef = useRef<OpenedPdf | null>(null);
  useEffect(() => () => pdfRef.current?.close(), []);

  const printPdf = () => {
    pdfRef.current?.close();
    const opened = openPdf(makeLabelsPdf(models), title);
    pdfRef.current = opened;
    setPdf(opened);
    setStatus({ kind: 'idle' });
    onPrinted?.('pdf');
  };

  const canUsePrinter = Boolean(printer && shipmentId && benchId);
  const printOnBench = async () => {
    if (!shipmentId || !benchId || status.kind === 'printing') return;
    setStatus({ kind: 'printing' });
    const res = await printLabelsOnBench(api, { shipmentId, benchId });
    if (res.ok) {
      setStatus({ kind: 'printed', count: res.printed });
      onPrinted?.('printer');
    } else setStatus({ kind: 'failed', code: res.code });
  };

  const failure = (code: string) =>
    code === 'TRANSIENT' ? t('labels.offline') : t(`errors.${code}`, { printer: printer ?? '', defaultValue: t('errors.INTERNAL') });

  return (
    <section className="stack" aria-label={t('labels.title')} data-testid="label-actions">
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={printPdf} disabled={models.length === 0}>
          {t('labels.print-pdf')}
        </button>
        {canUsePrinter && (
          <button type="button" className="btn" onClick={() => void printOnBench()} disabled={status.kind === 'printing'}>
            {status.kind === 'printing' ? t('labels.printing', { printer }) : t('labels.print-on', { printer })}
          </button>
        )}
      </div>
      {status.kind === 'printed' && (
        <p className="message message-success" role="status">
          {t('labels.printed', { count: status.count, printer })}
        </p>
      )}
      {status.kind === 'failed' && (
        <div className="message message-error stack" role="alert">
          <p>{failure(status.code)}</p>
          <div className="row">
            <button type="button" className="btn" onClick={() => void printOnBench()}>
              {t('labels.retry')}
            </button>
            <button type="button" className="btn btn-primary" onClick={printPdf}>
              {t('labels.use-pdf')}
            </button>
          </div>
        </div>
      )}
      {pdf && (
        <p className="hint">
          {t('labels.pdf-hint')}{' '}
          <a className="btn" href={pdf.url} download={pdf.filename} target="_blank" rel="noreferrer" data-testid="labels-pdf-link">
            {t('labels.open-pdf')}
          </a>
        </p>
      )}
    </section>
  );
}
