import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole } from '../../../domain/roles';
import { useSession } from '../../local/use-session';
import { DevicesList } from './devices-list';
import { ExceptionsQueue } from './exceptions-queue';
import { ExceptionsSummary } from './exceptions-summary';
import { NeedsNetwork, useLead } from './lead-common';
import { LiveBoard } from './live-board';
import { ReplenishmentsPanel } from './replenishments-panel';
import { WavePlan } from './wave-plan';
import { WavesBoard } from './waves-board';

const TABS = ['live', 'exceptions', 'board', 'plan', 'devices'] as const;
type Tab = (typeof TABS)[number];

/** The shift lead's console: online by design, like the dock; it reads the API directly. */
export default function LeadPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { api, online } = useLead();
  const token = session?.token ?? null;
  const [tab, setTab] = useState<Tab>('live');
  const [offline, setOffline] = useState(false);
  const goneOffline = useCallback(() => setOffline(true), []);

  // Back online: show the console again (its panels reload as they mount).
  const [wasOnline, setWasOnline] = useState(online);
  if (online !== wasOnline) {
    setWasOnline(online);
    if (online) setOffline(false);
  }

  if (session === undefined) return null;
  const title = <h1>{t('lead.title')}</h1>;
  if (!session || !hasAnyRole(session.user.roles, ['lead'])) {
    return (
      <div className="stack">
        {title}
        <p className="message message-error" role="alert" data-testid="lead-not-allowed">
          {t('lead.not-allowed')}
        </p>
      </div>
    );
  }

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`lead-tab-${next}`)?.focus();
  };

  return (
    <div className="stack">
      {title}
      <div className="row" role="tablist" aria-label={t('lead.sections')} style={{ justifyContent: 'flex-start' }} onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`lead-tab-${k}`}
            type="button"
            role="tab"
            className={`btn ${tab === k ? 'btn-primary' : ''}`}
            aria-selected={tab === k}
            aria-controls={`lead-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
          >
            {t(`lead.tab.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`lead-panel-${tab}`} aria-labelledby={`lead-tab-${tab}`}>
        {/* The tabs stay put offline so the lead keeps their place; only the panel waits. */}
        {!online || offline || !api ? (
          <NeedsNetwork onRetry={() => setOffline(false)} />
        ) : (
          <>
            {tab === 'live' && (
              <div className="stack">
                <ExceptionsSummary token={token} onOffline={goneOffline} onOpen={() => setTab('exceptions')} />
                <LiveBoard token={token} onOffline={goneOffline} />
                <ReplenishmentsPanel token={token} onOffline={goneOffline} />
              </div>
            )}
            {tab === 'exceptions' && <ExceptionsQueue token={token} onOffline={goneOffline} />}
            {tab === 'plan' && <WavePlan api={api} token={token} onOffline={goneOffline} />}
            {tab === 'board' && <WavesBoard api={api} onOffline={goneOffline} />}
            {tab === 'devices' && <DevicesList api={api} onOffline={goneOffline} />}
          </>
        )}
      </div>
    </div>
  );
}
