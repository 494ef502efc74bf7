// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { publishScan } from '../../scan/scan-bus';
import { LoginForm } from './login-form';
import type { SignInResult } from './sign-in';

function setup(result: SignInResult) {
  const signIn = vi.fn(async () => result);
  const onSignedIn = vi.fn();
  render(<LoginForm signIn={signIn} onSignedIn={onSignedIn} />);
  return { signIn, onSignedIn, user: userEvent.setup() };
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('LoginForm', () => {
  it('has labelled Badge and PIN fields (PIN masked, numeric keypad) and a Sign in button', () => {
    setup({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(screen.getByLabelText('Badge')).toBeTruthy();
    const pin = screen.getByLabelText('PIN');
    expect(pin.getAttribute('type')).toBe('password');
    expect(pin.getAttribute('inputmode')).toBe('numeric');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('submits badge and PIN and reports success', async () => {
    const user = { id: 'u1', name: 'Pat', roles: ['picker' as const], language: 'en' as const };
    const { signIn, onSignedIn, user: u } = setup({ ok: true, user });
    await u.type(screen.getByLabelText('Badge'), 'U1001');
    await u.type(screen.getByLabelText('PIN'), '1234');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(signIn).toHaveBeenCalledWith('U1001', '1234');
    expect(onSignedIn).toHaveBeenCalledWith({ ok: true, user });
  });

  it('Enter in the badge field moves on to the PIN', async () => {
    const { signIn, user: u } = setup({ ok: false, code: 'INVALID_CREDENTIALS' });
    await u.type(screen.getByLabelText('Badge'), 'U1001{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('PIN'));
    expect(signIn).not.toHaveBeenCalled();
  });

  it('shows INVALID_CREDENTIALS translated', async () => {
    const { user: u } = setup({ ok: false, code: 'INVALID_CREDENTIALS' });
    await u.type(screen.getByLabelText('Badge'), 'U1001');
    await u.type(screen.getByLabelText('PIN'), '9999{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Badge or PIN is wrong.');
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');
  });

  it('shows BADGE_LOCKED with the minutes, in Spanish too', async () => {
    await i18n.changeLanguage('es');
    const { user: u } = setup({ ok: false, code: 'BADGE_LOCKED', minutes: 12 });
    await u.type(screen.getByLabelText('Gafete'), 'U1001');
    await u.type(screen.getByLabelText('PIN'), '1234{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Demasiados PIN erróneos. Este gafete está bloqueado 12 min.');
  });

  it('explains that the first sign-in needs a connection', async () => {
    const { user: u } = setup({ ok: false, code: 'OFFLINE' });
    await u.type(screen.getByLabelText('Badge'), 'U1001');
    await u.type(screen.getByLabelText('PIN'), '1234{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('You need a connection to sign in the first time.');
  });

  it('checks the PIN format before asking the server', async () => {
    const { signIn, user: u } = setup({ ok: false, code: 'INVALID_CREDENTIALS' });
    await u.type(screen.getByLabelText('Badge'), 'U1001');
    await u.type(screen.getByLabelText('PIN'), '12{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Your PIN is 4 to 8 digits.');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('takes a scanned badge from anywhere on the page', async () => {
    setup({ ok: false, code: 'INVALID_CREDENTIALS' });
    act(() => {
      publishScan({ source: 'wedge', raw: 'U1002', at: 0 });
    });
    expect((screen.getByLabelText('Badge') as HTMLInputElement).value).toBe('U1002');
    expect(document.activeElement).toBe(screen.getByLabelText('PIN'));
  });
});
