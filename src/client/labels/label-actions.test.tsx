// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { labelsPdf } from '../../domain/labels';
import type { LabelModel } from '../../domain/packing/types';
import i18n from '../i18n';
import type { ApiResult } from '../sync/api';
import { NetworkError } from '../sync/api';
import { LabelActions } from './label-actions';
import { makeLabelsPdf, pdfFilename } from './labels-pdf';
import { printLabelsOnBench, type PrintApi } from './print-on-bench';

const address = { name: 'Ana Ruiz', line1: 'Calle Mayor 1', city: 'Madrid', region: 'M', postalCode: '28013', country: 'ES' };
const MODEL: LabelModel = {
  shipFrom: { ...address, name: 'Tote DC' },
  shipTo: address,
  carrier: 'LOCAL',
  service: 'LOCAL-STD',
  orderRef: 'SO-1001',
  weightG: 1250,
  trackingNumber: 'TT000000011XX',
  sscc: '003123456700000018',
  cartonNo: 1,
  cartonCount: 1,
  date: '2026-11-24',
};

// jsdom has no object URLs; the browser's own are what the fallback link uses.
const made: Blob[] = [];
beforeAll(() => {
  URL.createObjectURL = (b: Blob | MediaSource) => {
    made.push(b as Blob);
    return `blob:test/${made.length}`;
  };
  URL.revokeObjectURL = () => {};
});
beforeEach(async () => {
  await i18n.changeLanguage('en');
  made.length = 0;
});
afterEach(cleanup);

/** The API client as the screen sees it, answering as the print route would. */
const answering = (res: ApiResult<unknown> | Error) => {
  const calls: { path: string; body: unknown }[] = [];
  const fetch = (async (path: string, opts: { body?: unknown }) => {
    calls.push({ path, body: opts.body });
    if (res instanceof Error) throw res;
    return res;
  }) as PrintApi['fetch'];
  return { api: { token: 'tok', fetch }, calls };
};

describe('makeLabelsPdf', () => {
  it('is a PDF blob of the domain label PDF', async () => {
    const blob = makeLabelsPdf([MODEL]);
    expect(blob.type).toBe('application/pdf');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes).toEqual(Uint8Array.from(labelsPdf([MODEL])));
  });

  it('names the file from the title without odd characters', () => {
    expect(pdfFilename('Labels SO-1001/2')).toBe('Labels-SO-1001-2.pdf');
    expect(pdfFilename('***')).toBe('labels.pdf');
  });
});

describe('printLabelsOnBench', () => {
  it('posts the shipment and bench and reports how many labels printed', async () => {
    const { api, calls } = answering({ ok: true, status: 200, body: { printed: 2 } });
    expect(await printLabelsOnBench(api, { shipmentId: 's1', benchId: 'b1' })).toEqual({ ok: true, printed: 2 });
    expect(calls).toEqual([{ path: '/api/print/labels', body: { shipmentId: 's1', benchId: 'b1' } }]);
  });

  it('passes the refusal code on, and says TRANSIENT when the network is gone', async () => {
    const refused = answering({ ok: false, status: 424, code: 'PRINTER_TIMEOUT', message: '' });
    expect(await printLabelsOnBench(refused.api, { shipmentId: 's1', benchId: 'b1', cartonId: 'c1' })).toEqual({ ok: false, code: 'PRINTER_TIMEOUT' });
    expect(refused.calls[0]!.body).toEqual({ shipmentId: 's1', benchId: 'b1', cartonId: 'c1' });
    const offline = answering(new NetworkError(new TypeError('Failed to fetch')));
    expect(await printLabelsOnBench(offline.api, { shipmentId: 's1', benchId: 'b1' })).toEqual({ ok: false, code: 'TRANSIENT' });
  });
});

describe('LabelActions', () => {
  it('prints the PDF from a hidden frame and offers a link to the file', async () => {
    const onPrinted = vi.fn();
    render(<LabelActions models={[MODEL]} title="Labels SO-1001" api={{ token: 't' }} onPrinted={onPrinted} />);
    expect(screen.queryByRole('button', { name: /Print on/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Print PDF' }));
    const frame = document.getElementById('tote-print-frame') as HTMLIFrameElement;
    expect(frame.src).toBe('blob:test/1');
    expect(made[0]!.type).toBe('application/pdf');
    const link = screen.getByRole('link', { name: 'Open the labels PDF' });
    expect(link.getAttribute('download')).toBe('Labels-SO-1001.pdf');
    expect(onPrinted).toHaveBeenCalledWith('pdf');
  });

  it('shows a printer failure in words with Retry and Use PDF', async () => {
    const { api, calls } = answering({ ok: false, status: 424, code: 'PRINTER_UNREACHABLE', message: '' });
    render(<LabelActions models={[MODEL]} title="L" api={api} shipmentId="s1" benchId="b1" printer="10.0.0.9" />);
    await userEvent.click(screen.getByRole('button', { name: 'Print on 10.0.0.9' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The label printer 10\.0\.0\.9 does not answer/);
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Use PDF' }));
    expect(screen.getByRole('link', { name: 'Open the labels PDF' })).toBeTruthy();
  });

  it('says the labels went to the printer, in Spanish too', async () => {
    await i18n.changeLanguage('es');
    const { api } = answering({ ok: true, status: 200, body: { printed: 2 } });
    render(<LabelActions models={[MODEL]} title="L" api={api} shipmentId="s1" benchId="b1" printer="zebra-1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Imprimir en zebra-1' }));
    expect((await screen.findByRole('status')).textContent).toBe('2 etiquetas enviadas a zebra-1.');
  });
});
