import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Shell } from './shell';

// Each screen is its own chunk: the first paint only needs the shell.
const LoginPage = lazy(() => import('../features/login/login-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const WaveListPage = lazy(() => import('../features/picking/wave-list-page'));
const WavePage = lazy(() => import('../features/picking/wave-page'));
const ConflictsPage = lazy(() => import('../features/conflicts/conflicts-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const ScannerTestPage = lazy(() => import('../features/settings/scanner-test-page'));
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
        { path: '/conflicts', element: <ConflictsPage /> },
        { path: '/settings', element: <SettingsPage /> },
        { path: '/settings/scanner', element: <ScannerTestPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
