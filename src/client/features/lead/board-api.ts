import type { BoardStatsResponse } from '../../../domain/board/stats';
import type { BoardWavesResponse } from '../../../domain/board/waves';
import type { DevicesResponse } from '../../../domain/devices';
import { apiFetch } from '../../sync/api';
import { callApi, type Answer } from './lead-call';

export type BoardAnswer<T> = Answer<T>;

type Fetch = typeof apiFetch;
const get = <T>(fetcher: Fetch, path: string, token: string | null) => callApi<T>(path, { token }, fetcher);

export const BOARD_BUCKET_MINUTES = 60;

/** Everything the live board shows, read in one go. */
export interface BoardData {
  stats: BoardStatsResponse;
  waves: BoardWavesResponse;
  devices: DevicesResponse;
}

/** The live board's reads (docs/board-stats.md, docs/devices.md), with this session's token. */
export function boardApi(token: string | null, fetcher: Fetch = apiFetch) {
  return {
    // Hour-long buckets: "units per hour across the shift" reads naturally, and the answer
    // (every person's buckets) is half the size of the default half-hours'.
    // The stats without everyone's buckets (GET /api/board/summary), but `person`'s.
    stats: (person: string | null = null) =>
      get<BoardStatsResponse>(fetcher, `/api/board/summary?bucketMinutes=${BOARD_BUCKET_MINUTES}${person ? `&person=${encodeURIComponent(person)}` : ''}`, token),
    waves: () => get<BoardWavesResponse>(fetcher, '/api/board/waves', token),
    devices: () => get<DevicesResponse>(fetcher, '/api/devices', token),
    /**
     * The three at once (the stats only when `keep` is null: otherwise those are kept);
     * the first refusal wins, OFFLINE before any other.
     */
    async all(opts: { keep?: BoardStatsResponse | null; person?: string | null } = {}): Promise<BoardAnswer<BoardData>> {
      const kept = opts.keep ? { ok: true as const, value: opts.keep } : null;
      const [stats, waves, devices] = await Promise.all([kept ?? this.stats(opts.person ?? null), this.waves(), this.devices()]);
      const failed = [stats, waves, devices].filter((a): a is Extract<BoardAnswer<unknown>, { ok: false }> => !a.ok);
      const first = failed.find((a) => a.code === 'OFFLINE') ?? failed[0];
      if (first) return first;
      if (!stats.ok || !waves.ok || !devices.ok) throw new Error('unreachable');
      // A proxy's or an older server's answer of another shape must not take the console down.
      const shaped = Array.isArray(stats.value?.people) && Array.isArray(stats.value.flows) && Array.isArray(waves.value?.waves) && Array.isArray(devices.value?.devices);
      if (!shaped) return { ok: false, code: 'INTERNAL', message: 'unexpected answer' };
      return { ok: true, value: { stats: stats.value, waves: waves.value, devices: devices.value } };
    },
  };
}
export type BoardApi = ReturnType<typeof boardApi>;
