import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markRejectionsSeen } from '../../local/queries';
import { usePendingCount, useRejections } from '../../local/use-outbox';
import { requestSync } from '../../sync/sync-trigger';
import { useSyncStore } from '../../sync/sync-store';
import { relativeTime } from './relative-time';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** Always in the header: is the device online, how much is waiting, when did it last sync. */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const online = useSyncStore((s) => s.online);
  const syncing = useSyncStore((s) => s.syncing);
  const lastSyncAt = useSyncStore((s) => s.lastSyncAt);
  const blocked = useSyncStore((s) => s.blockedCode);
  // Read straight from IndexedDB so the count is right the moment a pick commits.
  const pending = usePendingCount();
  const rejections = useRejections();
  const unseen = rejections.filter((r) => r.seenAt === null).length;
  const [open, setOpen] = useState(false);
  const now = useNow(15_000);
  const ago = relativeTime(lastSyncAt, now, i18n.language);

  const toggle = () => {
    setOpen((v) => !v);
    if (!open && unseen) void markRejectionsSeen();
  };

  return (
    <div className="sync" data-testid="sync-indicator" data-online={String(online)} data-pending={pending} data-syncing={String(syncing)}>
      <button type="button" className={`btn sync-button ${online ? 'is-online' : 'is-offline'}`} aria-expanded={open} aria-controls="sync-panel" onClick={toggle}>
        <span className="dot" aria-hidden="true" />
        <span>{online ? t('sync.online') : t('sync.offline')}</span>
        <span>{t('sync.pending', { count: pending })}</span>
        {unseen > 0 && <span className="badge">{t('sync.rejected-count', { count: unseen })}</span>}
        {blocked && <span className="badge">{t('sync.blocked-short')}</span>}
      </button>
      <span className="sync-last">{ago ? t('sync.last', { ago }) : t('sync.never')}</span>
      {open && (
        <div id="sync-panel" className="sync-panel stack" role="region" aria-label={t('sync.details')}>
          {blocked && (
            <p className="message message-error" role="alert">
              {t('sync.blocked', { reason: t(`errors.${blocked}`, { defaultValue: blocked }) })}
            </p>
          )}
          <button type="button" className="btn" onClick={() => requestSync()} disabled={!online || syncing}>
            {syncing ? t('sync.syncing') : t('sync.now')}
          </button>
          <h2>{t('sync.rejections')}</h2>
          {rejections.length === 0 ? (
            <p className="muted">{t('sync.no-rejections')}</p>
          ) : (
            <ul className="rejections">
              {rejections.map((r) => (
                <li key={r.id}>
                  <strong>{t(`commands.${r.name}`, { defaultValue: r.name })}</strong>
                  <span>{t(`errors.${r.code}`, { defaultValue: r.message || r.code })}</span>
                  <span className="muted">{new Date(r.createdAt).toLocaleString(i18n.language)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
