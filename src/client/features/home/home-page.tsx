import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, type Role } from '../../../domain/roles';
import { clearSession } from '../../local/session';
import { usePendingCount } from '../../local/use-outbox';
import { useSession } from '../../local/use-session';
import { apiFetch } from '../../sync/api';
import { syncEngine } from '../../sync/sync-engine';

/** Flows not built yet, shown so people know they are coming, by the role that uses them. */
const COMING: { key: string; role: Role }[] = [];

/** Inbound and inventory flows, by the roles that use them. */
const STOCK_FLOWS: { key: string; to: string; roles: Role[]; primary?: boolean }[] = [
  { key: 'receive', to: '/receive', roles: ['receiver', 'lead'], primary: true },
  { key: 'putaway', to: '/putaway', roles: ['receiver', 'returns', 'lead'] },
  { key: 'returns', to: '/returns', roles: ['returns', 'lead'], primary: true },
  { key: 'count', to: '/count', roles: ['picker', 'packer', 'receiver', 'returns', 'lead'] },
  { key: 'move', to: '/move', roles: ['receiver', 'returns', 'lead'] },
  { key: 'replenish', to: '/replenish', roles: ['receiver', 'lead'] },
  { key: 'lookup', to: '/lookup', roles: ['picker', 'packer', 'receiver', 'returns', 'lead', 'admin'] },
  { key: 'lead', to: '/lead', roles: ['lead', 'admin'], primary: true },
];

export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const pending = usePendingCount();
  const [confirming, setConfirming] = useState(false);
  if (!session) return null;
  const roles = session.user.roles;

  const signOut = async () => {
    // Best effort: the server forgets the token; offline, it simply expires there.
    void apiFetch('/api/auth/logout', { method: 'POST', token: session.token, body: {} }).catch(() => undefined);
    await clearSession();
    syncEngine().sessionChanged();
  };

  return (
    <div className="stack">
      <h1>{t('home.hello', { name: session.user.name })}</h1>
      <ul className="cards">
        {hasAnyRole(roles, ['picker', 'lead']) && (
          <li>
            <Link className="card card-primary" to="/pick">
              <span className="card-title">{t('home.pick')}</span>
              <span>{t('home.pick-detail')}</span>
            </Link>
          </li>
        )}
        {hasAnyRole(roles, ['packer', 'lead']) && (
          <li>
            <Link className="card card-primary" to="/pack">
              <span className="card-title">{t('home.flow.pack')}</span>
              <span>{t('home.pack-detail')}</span>
            </Link>
          </li>
        )}
        {hasAnyRole(roles, ['packer', 'lead', 'admin']) && (
          <li>
            <Link className="card" to="/ship">
              <span className="card-title">{t('shipping.home-title')}</span>
              <span>{t('shipping.home-detail')}</span>
            </Link>
          </li>
        )}
        {STOCK_FLOWS.filter((f) => hasAnyRole(roles, f.roles)).map((f) => (
          <li key={f.key}>
            <Link className={f.primary ? 'card card-primary' : 'card'} to={f.to}>
              <span className="card-title">{t(`home.flow.${f.key}`)}</span>
              <span>{t(`home.flow-detail.${f.key}`)}</span>
            </Link>
          </li>
        ))}
        {COMING.filter((c) => hasAnyRole(roles, [c.role])).map((c) => (
          <li key={c.key}>
            <div className="card card-disabled" aria-disabled="true">
              <span className="card-title">{t(`home.flow.${c.key}`)}</span>
              <span>{t('home.coming-soon', { role: t(`roles.${c.role}`) })}</span>
            </div>
          </li>
        ))}
      </ul>
      <div className="row">
        <Link className="btn" to="/settings">
          {t('settings.title')}
        </Link>
        <button type="button" className="btn" onClick={() => (pending > 0 ? setConfirming(true) : void signOut())}>
          {t('home.sign-out')}
        </button>
      </div>
      {confirming && (
        <div className="message message-warn stack" role="alertdialog" aria-labelledby="signout-warning">
          <p id="signout-warning">{t('home.sign-out-pending', { count: pending })}</p>
          <div className="row">
            <button type="button" className="btn btn-warn" onClick={() => void signOut()}>
              {t('home.sign-out-anyway')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
