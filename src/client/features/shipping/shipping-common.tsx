import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../local/use-session';
import { useSyncStore } from '../../sync/sync-store';
import { shippingApi, type ShippingApi } from './shipping-api';

/** A refusal in words: the dock's own wording first, then the app's, then a generic one. */
export function shippingMessage(t: TFunction, code: string, details?: unknown): string {
  const vars = { manifestCode: '', cartonCarrier: '', manifestCarrier: '', ...(typeof details === 'object' && details ? details : {}) };
  return t(`shipping.errors.${code}`, { ...vars, defaultValue: t(`errors.${code}`, { ...vars, defaultValue: t('errors.INTERNAL') }) });
}

/** The API with this session's token, and whether the browser thinks it is online. */
export function useShipping(): { api: ShippingApi | null; token: string | null; online: boolean } {
  const session = useSession();
  const online = useSyncStore((s) => s.online);
  const token = session?.token ?? null;
  const api = useMemo(() => (session ? shippingApi(token) : null), [session, token]);
  return { api, token, online };
}

/** The dock works only against the server: say so instead of showing stale or empty lists. */
export function NeedsNetwork({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="message message-warn stack" role="status" data-testid="needs-network">
      <p>{t('shipping.needs-network')}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('shipping.retry')}
      </button>
    </div>
  );
}

export type Notice = { kind: 'success' | 'error'; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p className={`message message-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="dock-notice">
      {notice.text}
    </p>
  );
}
