// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { db } from '../../local/db';
import { setMeta } from '../../local/meta';
import { CARTON, GTIN, pullInbound, signInAsReceiver } from '../../local/receiving-fixture';
import { freshDb } from '../../local/test-db';
import { publishScan } from '../../scan/scan-bus';
import { scanAndWait as scan } from '../../scan/test-scan';
import ReceivePage from './receive-page';
import { useReceiveSession } from './receive-session';

function renderPage() {
  const router = createMemoryRouter([{ path: '/receive', element: <ReceivePage /> }], { initialEntries: ['/receive'] });
  render(<RouterProvider router={router} />);
}

/** A scan answered with a question (warning tone, no flash): waits for the question instead. */
async function scanAsked(raw: string, testId: string) {
  await act(async () => {
    publishScan({ source: 'wedge', raw, at: 0 });
  });
  return screen.findByTestId(testId);
}

const message = () => screen.getByTestId('receive-message');
const receivedOf = (code: string) => screen.getByTestId('receive-progress').querySelector(`tr[data-sku="${code}"]`)?.querySelectorAll('td.num')[1]?.textContent;

beforeEach(async () => {
  useReceiveSession.getState().reset();
  await freshDb();
  await signInAsReceiver();
  await pullInbound();
  renderPage();
  await screen.findByTestId('dock-picker');
  // The picker listens for scans from its effect, which runs after it is on screen.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
});
afterEach(cleanup);

describe('the receiving screen', () => {
  it('tells a user without the receiver or lead role, and shows no dock', async () => {
    cleanup();
    await setMeta('session', { token: 'tok', user: { id: 'u2', name: 'Pat', roles: ['picker'], language: 'en' }, signedInAt: new Date().toISOString() });
    renderPage();
    await screen.findByText('Receiving needs the receiver or lead role. Ask your lead.');
    expect(screen.queryByTestId('dock-picker')).toBeNull();
  });

  it('chooses the dock by its label, starts from the ASN, records units and refuses what cannot be', async () => {
    await scan('C-01');
    expect(screen.getByTestId('dock-picker')).toBeTruthy();
    await scan('RCV-01');
    await screen.findByTestId('receive-start');
    await scan('ASN-NOPE');
    expect(message().textContent).toMatch(/not known/);
    await scan('ASN-LUMA-0001');
    await screen.findByRole('heading', { name: 'Receiving ASN-LUMA-0001' });
    await scan(GTIN.cream);
    await waitFor(() => expect(message().textContent).toBe('Saved: 1 unit'));
    await waitFor(() => expect(receivedOf('CREAM')).toBe('1'));
    // A unit whose barcode has no lot: asked for, nothing recorded until answered.
    await scanAsked(GTIN.serum, 'receive-ask');
    expect(await db().receiptDraftLines.count()).toBe(1);
    // A sealed carton waits for the tap.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect((await scanAsked(`]C100${CARTON[0]}`, 'carton-offer')).textContent).toMatch(/4 units/);
    fireEvent.click(screen.getByRole('button', { name: 'Accept carton whole' }));
    await waitFor(() => expect(receivedOf('SERUM')).toBe('4'));
    expect(await db().receiptDraftLines.count()).toBe(2);
  });

  it('a damaged unit needs its reason and photo before its scan counts; undo takes it back', async () => {
    await scan('RCV-01');
    await screen.findByTestId('receive-start');
    await scan('ASN-LUMA-0001');
    await screen.findByRole('heading', { name: 'Receiving ASN-LUMA-0001' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark units damaged' }));
    await scan(GTIN.cream);
    expect(message().textContent).toBe('Say what the damage is.');
    fireEvent.change(screen.getByLabelText('What is the damage?'), { target: { value: 'Torn box' } });
    await scan(GTIN.cream);
    expect(message().textContent).toBe('Take at least one photo of the damage.');
    expect(await db().receiptDraftLines.count()).toBe(0);
    // The photo as PhotoCapture hands it over (the camera itself is tested with the component).
    act(() => useReceiveSession.getState().set({ damage: { reason: 'Torn box', photoIds: ['ph-1'], armed: true } }));
    await scan(GTIN.cream);
    await waitFor(() => expect(message().textContent).toBe('Saved as damaged: 1 unit'));
    const [line] = await db().receiptDraftLines.toArray();
    expect(line).toMatchObject({ condition: 'damaged', reason: 'Torn box', photoIds: ['ph-1'] });
    expect(useReceiveSession.getState().damage).toBeNull();
    // Enabled once the screen's live view has the line.
    const undo = screen.getByRole('button', { name: 'Undo last scan' }) as HTMLButtonElement;
    await waitFor(() => expect(undo.disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(message().textContent).toBe('Taken back: 1 unit'));
    expect(await db().receiptDraftLines.count()).toBe(0);
  });

  it('closing asks a reason for each over or short SKU, then writes one receipt.close', async () => {
    await scan('RCV-01');
    await screen.findByTestId('receive-start');
    fireEvent.click(await screen.findByRole('button', { name: /ASN-LUMA-0001/ }));
    await screen.findByRole('heading', { name: 'Receiving ASN-LUMA-0001' });
    await scan(GTIN.cream, GTIN.cream, GTIN.cream, GTIN.cream);
    await waitFor(() => expect(receivedOf('CREAM')).toBe('4'));
    fireEvent.click(screen.getByRole('button', { name: 'Close receipt' }));
    const summary = await screen.findByTestId('close-summary');
    expect(within(summary).getByTestId('count-over').textContent).toMatch(/1/);
    expect(within(summary).getByTestId('count-short').textContent).toMatch(/4/);
    const confirm = screen.getByRole('button', { name: 'Confirm and close' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Why is CREAM 1 unit over?'), { target: { value: 'Extra in box' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Why is SERUM 4 units short?'), { target: { value: 'Not shipped' } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Confirm and close' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and close' }));
    await waitFor(() => expect(message().textContent).toBe('Receipt closed. 1 putaway task is ready.'));
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => r.name)).toEqual(['receipt.close']);
    expect((rows[0]!.args as { notes: unknown[] }).notes).toEqual([
      { kind: 'over', skuId: 'sku-cream', cartonSscc: null, reason: 'Extra in box', photoIds: [] },
      { kind: 'short', skuId: 'sku-serum', cartonSscc: null, reason: 'Not shipped', photoIds: [] },
    ]);
    await screen.findByTestId('receive-start');
  });
});
