import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareDevices, type DevicesResponse, type DeviceView } from '../../../domain/devices';
import { onServerPoke } from '../../sync/pokes';
import type { LeadApi } from './lead-api';
import { ago, leadMessage, relativeTime } from './lead-common';

/** Often enough that a lead sees a stranded handheld within a minute of looking. */
export const DEVICES_REFRESH_MS = 15_000;

/** Every handheld of the warehouse, the ones holding work nobody is syncing first. */
export function DevicesList({ api, onOffline }: { api: LeadApi; onOffline: () => void }) {
  const { t } = useTranslation();
  const [data, setData] = useState<DevicesResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = useCallback(
    (r: Awaited<ReturnType<LeadApi['devices']>>) => {
      if (r.ok) {
        setError(null);
        setData({ ...r.value, devices: [...r.value.devices].sort(compareDevices) });
      } else if (r.code === 'OFFLINE') onOffline();
      else setError(leadMessage(t, r.code));
    },
    [onOffline, t],
  );
  const load = useCallback(() => void api.devices().then(show), [api, show]);

  useEffect(() => {
    api.devices().then(show, () => undefined);
    const timer = setInterval(load, DEVICES_REFRESH_MS);
    const off = onServerPoke(load);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, load, show]);

  return (
    <section className="stack" aria-labelledby="devices-title">
      <div className="row">
        <h2 id="devices-title">{t('lead.devices.title')}</h2>
        <button type="button" className="btn" onClick={load}>
          {t('lead.devices.refresh')}
        </button>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {data === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : data.devices.length === 0 ? (
        <p className="muted" data-testid="devices-empty">
          {t('lead.devices.none')}
        </p>
      ) : (
        <>
          <p className="hint">{t('lead.devices.stranded-rule', { minutes: data.strandedAfterMinutes })}</p>
          <ul className="cards" data-testid="devices">
            {data.devices.map((d) => (
              <DeviceCard key={d.id} device={d} now={Date.parse(data.now)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DeviceCard({ device: d, now }: { device: DeviceView; now: number }) {
  const { t } = useTranslation();
  const name = d.name ?? d.id;
  return (
    <li className={d.stranded ? 'card card-primary message-warn' : 'card'} data-testid="device" data-stranded={d.stranded}>
      <span className="card-title">
        {d.stranded && <span className="badge">{t('lead.devices.stranded')}</span>} {name}
      </span>
      <span>{d.user ? t('lead.devices.user', { name: d.user.name }) : t('lead.devices.no-user')}</span>
      <span>{t('lead.devices.last-seen', { when: relativeTime(t, d.lastSeen, now) })}</span>
      <span>
        {d.pending === 0
          ? t('lead.devices.nothing-pending')
          : t('lead.devices.pending', { count: d.pending, age: d.oldestPendingAgeSec === null ? '—' : ago(t, d.oldestPendingAgeSec) })}
      </span>
      {d.rejectedUnseen > 0 && <span>{t('lead.devices.rejected', { count: d.rejectedUnseen })}</span>}
      <span className="muted">
        {t('lead.devices.version', { version: d.appVersion ?? '—' })}
        {' · '}
        {d.batteryPct === null ? t('lead.devices.battery-unknown') : t('lead.devices.battery', { pct: d.batteryPct })}
      </span>
    </li>
  );
}
