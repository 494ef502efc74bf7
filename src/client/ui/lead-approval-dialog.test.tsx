// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeOverrideSecret, verifyOverrideProof, type OverrideSecret } from '../../domain/packing/override';
import type { OverrideVerifier } from '../../domain/packing/types';
import i18n from '../i18n';
import { publishScan } from '../scan/scan-bus';
import { LeadApprovalDialog, usePinAttemptsStore, type LeadApproval } from './lead-approval-dialog';

let lee: OverrideSecret;
let verifiers: OverrideVerifier[];

beforeAll(async () => {
  // One PBKDF2 round keeps the test quick; the dialog reads the count from the verifier.
  lee = await makeOverrideSecret('4711', { iterations: 1 });
  const other = await makeOverrideSecret('9999', { iterations: 1 });
  verifiers = [
    { userId: 'u-lee', name: 'Lee Lead', badge: 'U5001', salt: lee.salt, iterations: lee.iterations, check: lee.check },
    { userId: 'u-lin', name: 'Lin Lead', badge: 'U5002', salt: other.salt, iterations: other.iterations, check: other.check },
  ];
});

let clock = 1_000_000;
function setup() {
  const onApproved = vi.fn<(a: LeadApproval) => void>();
  const onCancel = vi.fn();
  const opener = document.createElement('button');
  opener.textContent = 'opener';
  document.body.append(opener);
  opener.focus();
  render(
    <LeadApprovalDialog
      open
      verifiers={verifiers}
      orderId="order-7"
      reason="Weight 1.40 kg, expected 1.00 kg"
      onApproved={onApproved}
      onCancel={onCancel}
      now={() => clock}
    />,
  );
  return { onApproved, onCancel, user: userEvent.setup(), opener };
}

async function tryPin(user: ReturnType<typeof userEvent.setup>, badge: string, pin: string) {
  await user.clear(screen.getByLabelText('Lead badge'));
  if (badge) await user.type(screen.getByLabelText('Lead badge'), badge);
  await user.clear(screen.getByLabelText('Lead PIN'));
  if (pin) await user.type(screen.getByLabelText('Lead PIN'), pin);
  await user.click(screen.getByRole('button', { name: 'Approve' }));
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
  usePinAttemptsStore.setState({ byUser: {} });
  clock = 1_000_000;
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

describe('LeadApprovalDialog', () => {
  it('is a labelled modal dialog with the reason, a badge field and a masked numeric PIN field; focus starts on the badge', () => {
    setup();
    const dialog = screen.getByRole('dialog', { name: 'Lead approval' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toContain('Weight 1.40 kg, expected 1.00 kg');
    const pin = screen.getByLabelText('Lead PIN');
    expect(pin.getAttribute('type')).toBe('password');
    expect(pin.getAttribute('inputmode')).toBe('numeric');
    expect(document.activeElement).toBe(screen.getByLabelText('Lead badge'));
  });

  it('renders nothing when closed', () => {
    render(<LeadApprovalDialog open={false} verifiers={[]} orderId="o" reason="r" onApproved={() => {}} onCancel={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('approves with the right PIN: a fresh nonce and a proof the server can verify with the lead key', async () => {
    const { onApproved, user } = setup();
    await tryPin(user, 'u5001', '4711');
    await waitFor(() => expect(onApproved).toHaveBeenCalledTimes(1));
    const a = onApproved.mock.calls[0]![0];
    expect(a.leadUserId).toBe('u-lee');
    expect(a.nonce).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await verifyOverrideProof(lee.keyHex, 'order-7', a.nonce, a.proof)).toBe(true);
    expect(await verifyOverrideProof(lee.keyHex, 'order-8', a.nonce, a.proof)).toBe(false);
  });

  it('refuses a badge that is not a lead, and a wrong PIN, with words and no approval', async () => {
    const { onApproved, user } = setup();
    await tryPin(user, 'U2001', '4711');
    expect((await screen.findByRole('alert')).textContent).toBe("That badge is not a lead's. Ask a shift lead to approve.");
    await tryPin(user, 'U5001', '1234');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Wrong PIN. 4 tries left before this badge is locked on this device.'));
    expect((screen.getByLabelText('Lead PIN') as HTMLInputElement).value).toBe('');
    // Another lead's PIN is not this lead's.
    await tryPin(user, 'U5001', '9999');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/3 tries left/));
    expect(onApproved).not.toHaveBeenCalled();
  });

  it('locks a badge on this device after 5 wrong PINs in a row, even for the right PIN, for 5 minutes; other leads still work', async () => {
    const { onApproved, user } = setup();
    for (let i = 0; i < 4; i++) await tryPin(user, 'U5001', '0000');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/One more wrong PIN/));
    await tryPin(user, 'U5001', '0000');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/locked on this device\. Try again in 5 min/));
    await tryPin(user, 'U5001', '4711');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/locked on this device/));
    expect(onApproved).not.toHaveBeenCalled();

    await tryPin(user, 'U5002', '9999');
    await waitFor(() => expect(onApproved).toHaveBeenCalledWith(expect.objectContaining({ leadUserId: 'u-lin' })));

    clock += 5 * 60_000;
    await tryPin(user, 'U5001', '4711');
    await waitFor(() => expect(onApproved).toHaveBeenLastCalledWith(expect.objectContaining({ leadUserId: 'u-lee' })));
  });

  it('takes a scanned badge and moves on to the PIN', async () => {
    const { onApproved, user } = setup();
    await act(async () => {
      publishScan({ source: 'wedge', raw: 'U5001', at: 0 });
    });
    expect((screen.getByLabelText('Lead badge') as HTMLInputElement).value).toBe('U5001');
    expect(document.activeElement).toBe(screen.getByLabelText('Lead PIN'));
    await user.type(screen.getByLabelText('Lead PIN'), '4711{Enter}');
    await waitFor(() => expect(onApproved).toHaveBeenCalledTimes(1));
  });

  it('keeps Tab inside the dialog, cancels on Escape and gives focus back', async () => {
    const { onCancel, user, opener } = setup();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Lead badge'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(cancel);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    cleanup();
    expect(document.activeElement).toBe(opener);
  });

  it('speaks Spanish', async () => {
    await i18n.changeLanguage('es');
    const { user } = setup();
    expect(screen.getByRole('dialog', { name: 'Aprobación del responsable' })).toBeTruthy();
    await user.type(screen.getByLabelText('Tarjeta del responsable'), 'U2001');
    await user.type(screen.getByLabelText('PIN del responsable'), '1');
    await user.click(screen.getByRole('button', { name: 'Aprobar' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no es de un responsable/);
  });
});
