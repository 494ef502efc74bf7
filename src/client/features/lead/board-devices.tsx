import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevicesResponse } from '../../../domain/devices';

/** A device heard from this recently counts as online (heartbeats come at least every 60 s while the app is open). */
export const ONLINE_WITHIN_SEC = 120;

export interface DeviceSummary {
  total: number;
  online: number;
  stranded: number;
  /** Commands still waiting on handhelds, all devices together. */
  pending: number;
  /** App versions in use, the most common first. */
  versions: { version: string; count: number }[];
}

export function deviceSummary(d: DevicesResponse): DeviceSummary {
  const now = Date.parse(d.now);
  const versions = new Map<string, number>();
  let online = 0;
  let stranded = 0;
  let pending = 0;
  for (const x of d.devices) {
    if (now - Date.parse(x.lastSeen) <= ONLINE_WITHIN_SEC * 1000) online++;
    if (x.stranded) stranded++;
    pending += x.pending;
    const v = x.appVersion ?? '?';
    versions.set(v, (versions.get(v) ?? 0) + 1);
  }
  return {
    total: d.devices.length,
    online,
    stranded,
    pending,
    versions: [...versions].map(([version, count]) => ({ version, count })).sort((a, b) => b.count - a.count || a.version.localeCompare(b.version)),
  };
}

/** The handhelds in a few figures; the Devices tab has each one. */
export const BoardDevices = memo(function BoardDevices({ devices }: { devices: DevicesResponse }) {
  const { t } = useTranslation();
  const s = deviceSummary(devices);
  return (
    <section className="stack" aria-labelledby="live-devices-title" data-testid="live-devices">
      <h2 id="live-devices-title">{t('liveBoard.devices.title')}</h2>
      <dl className="live-tiles">
        <div>
          <dt>{t('liveBoard.devices.online')}</dt>
          <dd data-testid="live-devices-online">{t('liveBoard.devices.of', { n: s.online, total: s.total })}</dd>
        </div>
        <div>
          <dt>{t('liveBoard.devices.waiting')}</dt>
          <dd>{s.pending}</dd>
        </div>
        <div>
          <dt>{t('liveBoard.devices.stranded')}</dt>
          <dd data-testid="live-devices-stranded">{s.stranded}</dd>
        </div>
      </dl>
      {s.stranded > 0 && (
        <p className="message message-warn" role="status" data-testid="live-stranded">
          {t('liveBoard.devices.stranded-help', { count: s.stranded })}
        </p>
      )}
      {s.versions.length > 0 && (
        <p className="hint">{t('liveBoard.devices.versions', { list: s.versions.map((v) => `${v.version} × ${v.count}`).join(', ') })}</p>
      )}
    </section>
  );
});
