import { useCallback, useEffect, useRef, useState } from 'react';
import { onServerPoke } from '../../sync/pokes';
import { boardApi, type BoardData } from './board-api';
import { createRefresher, type Refresher } from './board-refresh';

/** Pokes reload the board at most this often (200 handhelds pushing would otherwise flood it). */
export const BOARD_POKE_GAP_MS = 2_000;
/**
 * And it reloads on its own this long after the last reload, pokes or not. The shift's
 * figures (stats, the charts) are read at most this often: a poke brings the waves,
 * the people's current tasks and the devices, which are what moves between two scans.
 */
export const BOARD_REFRESH_MS = 30_000;

export interface LiveBoardState {
  data: BoardData | null;
  /** The last refusal's code (the board keeps showing what it had). */
  error: string | null;
  /** When the shown data arrived (the browser's clock). */
  updatedAt: number | null;
  /** Counts the updates shown: the bench and tests wait on it. */
  version: number;
  refresh: () => void;
}

/**
 * The live board's data: read at once, on every server poke (paced by createRefresher)
 * and every 30 s. An unreachable server calls onOffline (the console says it needs the
 * network) and the board keeps what it showed.
 */
export function useLiveBoard(token: string | null, onOffline: () => void, person: string | null = null): LiveBoardState {
  const [state, setState] = useState<Omit<LiveBoardState, 'refresh'>>({ data: null, error: null, updatedAt: null, version: 0 });
  const refresher = useRef<Refresher | null>(null);
  /** Set when the next reload must read the stats too (Refresh, another person's chart). */
  const statsDue = useRef(true);
  const personRef = useRef(person);
  const offline = useRef(onOffline);
  useEffect(() => {
    offline.current = onOffline;
  }, [onOffline]);

  useEffect(() => {
    const api = boardApi(token);
    let live = true;
    let stats: { value: BoardData['stats']; at: number } | null = null;
    const r = createRefresher(
      async () => {
        const full = statsDue.current || stats === null || Date.now() - stats.at >= BOARD_REFRESH_MS;
        statsDue.current = false;
        const a = await api.all({ keep: full ? null : stats!.value, person: personRef.current });
        if (!live) return;
        if (a.ok && full) stats = { value: a.value.stats, at: Date.now() };
        if (a.ok) setState((s) => ({ data: a.value, error: null, updatedAt: Date.now(), version: s.version + 1 }));
        else if (a.code === 'OFFLINE') offline.current();
        else setState((s) => ({ ...s, error: a.code }));
      },
      { gapMs: BOARD_POKE_GAP_MS, everyMs: BOARD_REFRESH_MS },
    );
    refresher.current = r;
    r.request(true);
    const off = onServerPoke(() => r.request());
    return () => {
      live = false;
      r.dispose();
      off();
    };
  }, [token]);

  // Another person's chart: their buckets come with the stats, read at once.
  useEffect(() => {
    if (personRef.current === person) return;
    personRef.current = person;
    statsDue.current = true;
    refresher.current?.request(true);
  }, [person]);

  const refresh = useCallback(() => {
    statsDue.current = true;
    refresher.current?.request(true);
  }, []);
  return { ...state, refresh };
}
