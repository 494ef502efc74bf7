import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { SyncIndicator } from '../features/sync-status/sync-indicator';
import { useSession } from '../local/use-session';
import { FlashOverlay } from '../scan/flash-overlay';
import { ScanWarningDialog } from '../scan/scan-warning-dialog';
import { WedgeInput } from '../scan/wedge-input';
import { UpdateBanner } from './update-banner';

// Its own chunk: the card rules are not needed for the first paint.
const ConflictsBanner = lazy(() => import('../features/conflicts/conflicts-banner'));

/** Header, sync indicator, conflict cards banner, update banner and scan plumbing around every screen. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const atLogin = location.pathname === '/login';

  if (session === undefined) return <p className="splash">{t('common.loading')}</p>;
  if (!session && !atLogin) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session && atLogin) return <Navigate to="/" replace />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <header className="header">
        <Link to="/" className="brand" aria-label={t('app.home')}>
          Tote
        </Link>
        {session && <span className="who">{session.user.name}</span>}
        <SyncIndicator />
        {session && (
          <Suspense fallback={null}>
            <ConflictsBanner />
          </Suspense>
        )}
      </header>
      <UpdateBanner />
      <main id="main" className="main">
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
        <WedgeInput />
        <FlashOverlay />
        <ScanWarningDialog />
      </main>
    </>
  );
}
