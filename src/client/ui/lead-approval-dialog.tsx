import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import {
  NO_PIN_ATTEMPTS,
  PIN_MAX_FAILURES,
  checkPin,
  isLockedOut,
  nextPinState,
  overrideProof,
  type PinAttempts,
} from '../../domain/packing/override';
import type { OverrideVerifier } from '../../domain/packing/types';
import { BADGE_FORMATS } from '../scan/camera/formats';
import { useScan } from '../scan/use-scan';

export interface LeadApproval {
  leadUserId: string;
  nonce: string;
  proof: string;
}

interface Props {
  open: boolean;
  /** Leads allowed to approve here, as pulled to the bench. */
  verifiers: readonly OverrideVerifier[];
  orderId: string;
  /** What is being approved, already in words (e.g. the weight difference). */
  reason: string;
  onApproved: (approval: LeadApproval) => void;
  onCancel: () => void;
  /** Epoch ms; tests move time forward to see a lockout end. */
  now?: () => number;
}

/**
 * The device's count of wrong PINs per badge. Kept in memory on purpose: a reload clears
 * it, but the 100 000 PBKDF2 rounds per guess already make a PIN search at the keypad slow;
 * this only stops a bystander trying PINs one after another.
 */
interface AttemptsStore {
  byUser: Record<string, PinAttempts>;
  record: (userId: string, ok: boolean, now: number) => PinAttempts;
}
export const usePinAttemptsStore = create<AttemptsStore>((set, get) => ({
  byUser: {},
  record: (userId, ok, now) => {
    const next = nextPinState(get().byUser[userId] ?? NO_PIN_ATTEMPTS, ok, now);
    set((s) => ({ byUser: { ...s.byUser, [userId]: next } }));
    return next;
  },
}));

const BADGE_REQUEST = { formats: BADGE_FORMATS };
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';
const norm = (s: string) => s.trim().toUpperCase();
const minutesLeft = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 60_000));

/** A lead's badge and PIN, checked on the device (works offline), approving one order's exception. */
export function LeadApprovalDialog(props: Props) {
  if (!props.open) return null;
  return <ApprovalForm {...props} />;
}

function ApprovalForm({ verifiers, orderId, reason, onApproved, onCancel, now = Date.now }: Props) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const badgeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  });

  // While open, scans are the lead's badge, not the screen's next item (the bus gives
  // them to the newest listener).
  useScan((scan) => {
    if (scan.kind === 'empty') return;
    setBadge(scan.text);
    setError(null);
    pinRef.current?.focus();
  }, BADGE_REQUEST);

  // A PIN check still running when the dialog is cancelled must not approve afterwards.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    badgeRef.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancelRef.current();
      }
    };
    // Focus that escapes the dialog (a click on the page behind) comes back into it.
    const onFocusIn = (e: FocusEvent) => {
      const box = boxRef.current;
      if (box && e.target instanceof Node && !box.contains(e.target)) box.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      before?.focus?.();
    };
  }, []);

  const trapTab = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || !boxRef.current) return;
    const items = [...boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const fail = (message: string, focus: 'badge' | 'pin') => {
    setError(message);
    setPin('');
    (focus === 'badge' ? badgeRef : pinRef).current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!badge.trim()) return fail(t('approval.badge-required'), 'badge');
    const lead = verifiers.find((v) => norm(v.badge) === norm(badge));
    if (!lead) return fail(t('approval.errors.OVERRIDE_NOT_A_LEAD'), 'badge');
    const attempts = usePinAttemptsStore.getState().byUser[lead.userId] ?? NO_PIN_ATTEMPTS;
    if (isLockedOut(attempts, now())) {
      return fail(t('approval.errors.PIN_LOCKED_ON_DEVICE', { minutes: minutesLeft(attempts.lockedUntil!, now()) }), 'badge');
    }
    if (!pin) return fail(t('approval.pin-required'), 'pin');
    setBusy(true);
    setError(null);
    const key = await checkPin(lead, pin);
    // Counted even when the dialog was cancelled meanwhile, so cancelling cannot dodge the lockout.
    const state = usePinAttemptsStore.getState().record(lead.userId, key !== null, now());
    if (!alive.current) return;
    if (!key) {
      setBusy(false);
      if (state.lockedUntil !== null) {
        return fail(t('approval.errors.PIN_LOCKED_ON_DEVICE', { minutes: minutesLeft(state.lockedUntil, now()) }), 'badge');
      }
      return fail(t('approval.wrong-pin', { count: PIN_MAX_FAILURES - state.failures }), 'pin');
    }
    const nonce = globalThis.crypto.randomUUID();
    const proof = await overrideProof(key, orderId, nonce);
    if (!alive.current) return;
    setBusy(false);
    onApproved({ leadUserId: lead.userId, nonce, proof });
  };

  return (
    <div
      style={{ position: 'fixed', inset: 0, zIndex: 900, display: 'grid', placeItems: 'center', padding: '1rem', background: 'rgba(0, 0, 0, 0.7)' }}
      data-testid="lead-approval"
    >
      <div
        ref={boxRef}
        className="message message-warn stack"
        role="dialog"
        aria-modal="true"
        aria-labelledby="approval-title"
        aria-describedby="approval-reason"
        style={{ maxWidth: '32rem', width: '100%', background: 'var(--panel, #111)' }}
        onKeyDown={trapTab}
      >
        <h2 id="approval-title">{t('approval.title')}</h2>
        <p id="approval-reason">{reason}</p>
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label htmlFor="approval-badge">{t('approval.badge')}</label>
            <input
              id="approval-badge"
              ref={badgeRef}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={badge}
              aria-describedby="approval-badge-hint"
              onChange={(e) => setBadge(e.target.value)}
              onKeyDown={(e) => {
                // A badge scanned into the field ends with Enter: move on to the PIN.
                if (e.key === 'Enter' && pin === '') {
                  e.preventDefault();
                  pinRef.current?.focus();
                }
              }}
            />
            <p className="hint" id="approval-badge-hint">
              {t('approval.badge-hint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="approval-pin">{t('approval.pin')}</label>
            <input
              id="approval-pin"
              ref={pinRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          {error && (
            <p className="message message-error" role="alert">
              {error}
            </p>
          )}
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('approval.checking') : t('approval.approve')}
            </button>
            <button type="button" className="btn" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
