import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraButton } from '../../scan/camera/camera-button';
import { BADGE_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import type { SignInResult } from './sign-in';

interface Props {
  signIn: (badge: string, pin: string) => Promise<SignInResult>;
  onSignedIn: (result: Extract<SignInResult, { ok: true }>) => void;
}

const BADGE_REQUEST = { formats: BADGE_FORMATS };

/** Badge (typed, scanned anywhere on the page, or read by the camera), then PIN. */
export function LoginForm({ signIn, onSignedIn }: Props) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  useScan((scan) => {
    if (scan.kind === 'empty') return;
    setBadge(scan.text);
    setError(null);
    pinRef.current?.focus();
  }, BADGE_REQUEST);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!badge.trim()) {
      setError(t('login.badge-required'));
      return;
    }
    if (!/^\d{4,8}$/.test(pin)) {
      setError(t('login.pin-format'));
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn(badge, pin);
    setBusy(false);
    if (result.ok) {
      onSignedIn(result);
      return;
    }
    setPin('');
    if (result.code === 'OFFLINE') setError(t('login.offline'));
    else setError(t(`errors.${result.code}`, { minutes: result.minutes, defaultValue: t('errors.INTERNAL') }));
  };

  const badgeKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // A badge scanned into this field ends with Enter: move on to the PIN.
    if (e.key === 'Enter' && pin === '') {
      e.preventDefault();
      pinRef.current?.focus();
    }
  };

  return (
    <form className="login stack" onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? 'login-error' : undefined}>
      <div className="field">
        <label htmlFor="badge">{t('login.badge')}</label>
        <input
          id="badge"
          name="badge"
          autoComplete="username"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          value={badge}
          onChange={(e) => setBadge(e.target.value)}
          onKeyDown={badgeKey}
        />
        <div className="row">
          <p className="hint">{t('login.badge-hint')}</p>
          <CameraButton closeOnRead />
        </div>
      </div>
      <div className="field">
        <label htmlFor="pin">{t('login.pin')}</label>
        <input
          id="pin"
          name="pin"
          ref={pinRef}
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </div>
      {error && (
        <p id="login-error" className="message message-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('login.signing-in') : t('login.sign-in')}
      </button>
    </form>
  );
}
