import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { installWedge } from '../scan/wedge-capture';
import { registerServiceWorker } from './pwa-update';
import { createRouter } from './routes';

export function App() {
  const [router] = useState(createRouter);
  useEffect(() => installWedge(), []);
  useEffect(() => {
    // The sync engine (and zod with it) loads after first paint.
    let stop = () => undefined as void;
    void import('../sync/sync-engine').then(({ syncEngine }) => {
      syncEngine().start();
      stop = () => syncEngine().stop();
    });
    void registerServiceWorker();
    return () => stop();
  }, []);
  return <RouterProvider router={router} />;
}
