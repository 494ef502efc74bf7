import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../local/use-session';
import { useSyncStore } from '../../sync/sync-store';
import { leadApi, type LeadApi } from './lead-api';

/** A refusal in words: the console's own wording first, then the app's, then a generic one. */
export function leadMessage(t: TFunction, code: string): string {
  return t(`lead.errors.${code}`, { defaultValue: t(`errors.${code}`, { defaultValue: t('errors.INTERNAL') }) });
}

/** What every console panel gets: the session's token, and a way to say the server could not be reached. */
export interface LeadPanelProps {
  token: string | null;
  onOffline: () => void;
}

/** The API with this session's token, and whether the browser thinks it is online. */
export function useLead(): { api: LeadApi | null; online: boolean } {
  const session = useSession();
  const online = useSyncStore((s) => s.online);
  const token = session?.token ?? null;
  const api = useMemo(() => (session ? leadApi(token) : null), [session, token]);
  return { api, online };
}

/** The console works only against the server: say so instead of showing stale or empty lists. */
export function NeedsNetwork({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="message message-warn stack" role="status" data-testid="needs-network">
      <p>{t('lead.needs-network')}</p>
      <button type="button" className="btn" onClick={onRetry}>
        {t('lead.retry')}
      </button>
    </div>
  );
}

/** "3 min ago" in the reader's language, from the server's clock when we have it. */
export function relativeTime(t: TFunction, iso: string | null, now: number): string {
  if (!iso) return t('lead.never');
  const sec = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  return ago(t, sec);
}

export function ago(t: TFunction, sec: number): string {
  if (sec < 60) return t('lead.ago-seconds', { count: sec });
  if (sec < 3600) return t('lead.ago-minutes', { count: Math.floor(sec / 60) });
  if (sec < 86_400) return t('lead.ago-hours', { count: Math.floor(sec / 3600) });
  return t('lead.ago-days', { count: Math.floor(sec / 86_400) });
}
