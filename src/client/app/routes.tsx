import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Shell } from './shell';

// Each screen is its own chunk: the first paint only needs the shell.
const LoginPage = lazy(() => import('../features/login/login-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const WaveListPage = lazy(() => import('../features/picking/wave-list-page'));
const WavePage = lazy(() => import('../features/picking/wave-page'));
const PackPage = lazy(() => import('../features/packing/pack-page'));
const ConflictsPage = lazy(() => import('../features/conflicts/conflicts-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const ScannerTestPage = lazy(() => import('../features/settings/scanner-test-page'));
const DockPage = lazy(() => import('../features/shipping/dock-page'));
const ManifestPage = lazy(() => import('../features/shipping/manifest-page'));
const ReceivePage = lazy(() => import('../features/receiving/receive-page'));
const PutawayPage = lazy(() => import('../features/putaway/putaway-page'));
const ReturnsPage = lazy(() => import('../features/returns/returns-page'));
const CountPage = lazy(() => import('../features/counting/count-page'));
const MovePage = lazy(() => import('../features/moves/move-page'));
const LookupPage = lazy(() => import('../features/lookup/lookup-page'));
const LeadPage = lazy(() => import('../features/lead/lead-page'));
const ReplenishPage = lazy(() => import('../features/replenish/replenish-page'));
const NotFound = lazy(() => import('./not-found'));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Shell />,
      children: [
        { path: '/login', element: <LoginPage /> },
        { path: '/', element: <HomePage /> },
        { path: '/pick', element: <WaveListPage /> },
        { path: '/pick/:waveId', element: <WavePage /> },
        { path: '/pack', element: <PackPage /> },
        { path: '/conflicts', element: <ConflictsPage /> },
        { path: '/settings', element: <SettingsPage /> },
        { path: '/settings/scanner', element: <ScannerTestPage /> },
        { path: '/ship', element: <DockPage /> },
        { path: '/ship/:manifestId', element: <ManifestPage /> },
        { path: '/receive', element: <ReceivePage /> },
        { path: '/putaway', element: <PutawayPage /> },
        { path: '/returns', element: <ReturnsPage /> },
        { path: '/count', element: <CountPage /> },
        { path: '/move', element: <MovePage /> },
        { path: '/lookup', element: <LookupPage /> },
        { path: '/lead', element: <LeadPage /> },
        { path: '/replenish', element: <ReplenishPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
