import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { inventoryDb } from '../../local/lookup-fixture';
import { useSyncStore } from '../../sync/sync-store';
import LeadPage from './lead-page';

/** Test support: a stand-in for the server, answering by method and path. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}
export type Reply = { status: number; body: unknown } | 'network-down';

/** The calls of the latest stand-in, so openConsole can start them afresh. */
let recorded: Call[] | null = null;

export function standInFetch(answer: (call: Call) => Reply) {
  const calls: Call[] = [];
  recorded = calls;
  const fn = vi.fn((input: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init.method ?? 'GET',
      path: input,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      auth: headers.authorization ?? null,
    };
    calls.push(call);
    const r = answer(call);
    if (r === 'network-down') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve({ ok: r.status < 400, status: r.status, statusText: '', json: () => Promise.resolve(r.body) });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

/** A lead signed in on a fresh device database, on /lead. */
export async function openConsole(roles: string[] = ['lead']): Promise<void> {
  useSyncStore.setState({ online: true });
  await inventoryDb(roles);
  const router = createMemoryRouter([{ path: '/lead', element: <LeadPage /> }], { initialEntries: ['/lead'] });
  render(<RouterProvider router={router} />);
  await screen.findByRole('heading', { name: 'Shift lead', level: 1 });
  // The tabs come with the signed-in lead's console; wait for them, not just the title.
  if (roles.some((r) => r === 'lead' || r === 'admin')) await screen.findByRole('tab', { name: 'Plan waves' });
  // The first tab's panels (the live board...) read the server as they open: a test sees
  // only the calls made after the console is up.
  recorded?.splice(0);
}
