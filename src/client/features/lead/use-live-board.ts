import { useCallback, useEffect, useRef, useState } from 'react';
import { onServerPoke } from '../../sync/pokes';
import { boardApi, type BoardData } from './board-api';
import { createRefresher, type Refresher } from './board-refresh';

/** Pokes reload the board at most this often (200 handhelds pushing would otherwise flood it). */
export const BOARD_POKE_GAP_MS = 2_000;
/** And it reloads on its own this often, pokes or not. */
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
export function useLiveBoard(token: string | null, onOffline: () => void): LiveBoardState {
  const [state, setState] = useState<Omit<LiveBoardState, 'refresh'>>({ data: null, error: null, updatedAt: null, version: 0 });
  const refresher = useRef<Refresher | null>(null);
  const offline = useRef(onOffline);
  useEffect(() => {
    offline.current = onOffline;
  }, [onOffline]);

  useEffect(() => {
    const api = boardApi(token);
    let live = true;
    const r = createRefresher(
      async () => {
        const a = await api.all();
        if (!live) return;
        if (a.ok) setState((s) => ({ data: a.value, error: null, updatedAt: Date.now(), version: s.version + 1 }));
        else if (a.code === 'OFFLINE') offline.current();
        else setState((s) => ({ ...s, error: a.code }));
      },
      { gapMs: BOARD_POKE_GAP_MS },
    );
    refresher.current = r;
    r.request(true);
    const timer = setInterval(() => r.request(), BOARD_REFRESH_MS);
    const off = onServerPoke(() => r.request());
    return () => {
      live = false;
      r.dispose();
      clearInterval(timer);
      off();
    };
  }, [token]);

  const refresh = useCallback(() => refresher.current?.request(true), []);
  return { ...state, refresh };
}
