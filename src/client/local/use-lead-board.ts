import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Wave, WarehouseException } from '../../domain/model';
import { db } from './db';

/** What the epoch rule told the lead about a wave: who made stale picks, who must put units back. */
export interface WaveAlert {
  type: 'stale_assignment' | 'line_already_picked';
  /** Who made the scan (the exception's raisedBy), by name when the device knows them. */
  by: string;
  count: number;
}

/** One wave on the lead's board: its pick lines and how many are done (picked or short). */
export interface BoardWave {
  wave: Wave;
  assignee: string | null;
  lines: number;
  done: number;
  /** Open stale-pick and put-back exceptions of the wave, grouped by type and person. */
  alerts: WaveAlert[];
}

const ALERTS = new Set<WarehouseException['type']>(['stale_assignment', 'line_already_picked']);

function alertsOf(exceptions: WarehouseException[], users: Map<string, string>): WaveAlert[] {
  const out = new Map<string, WaveAlert>();
  for (const e of exceptions) {
    if (e.status !== 'open' || !ALERTS.has(e.type)) continue;
    const by = e.raisedBy ? (users.get(e.raisedBy) ?? e.raisedBy) : '?';
    const key = `${e.type}|${by}`;
    const a = out.get(key) ?? { type: e.type as WaveAlert['type'], by, count: 0 };
    a.count += 1;
    out.set(key, a);
  }
  return [...out.values()].sort((a, b) => a.type.localeCompare(b.type) || a.by.localeCompare(b.by));
}

/**
 * Every wave the device holds (a pull brings the warehouse's waves to every device), with
 * progress counted from the task indexes; cancelled waves are left off the board.
 */
export function useLeadBoard(): BoardWave[] | undefined {
  return useLiveQuery(async () => {
    const waves = (await db().waves.toArray()).filter((w) => w.status !== 'cancelled');
    const users = new Map((await db().users.toArray()).map((u) => [u.id, u.name]));
    const out = await Promise.all(
      waves.map(async (wave) => {
        const [lines, open, exceptions] = await Promise.all([
          db().tasks.where('waveId').equals(wave.id).count(),
          db().tasks.where('[waveId+status+walkSeq]').between([wave.id, 'open', Dexie.minKey], [wave.id, 'open', Dexie.maxKey]).count(),
          db().exceptions.where('waveId').equals(wave.id).toArray(),
        ]);
        return {
          wave,
          assignee: wave.assignedUserId ? (users.get(wave.assignedUserId) ?? wave.assignedUserId) : null,
          lines,
          done: lines - open,
          alerts: alertsOf(exceptions, users),
        };
      }),
    );
    return out.sort((a, b) => a.wave.code.localeCompare(b.wave.code));
  }, []);
}

/** The people a lead can hand a wave to: everyone with the picker role, by name. */
export function usePickers(): { id: string; name: string }[] | undefined {
  return useLiveQuery(async () => {
    const users = await db().users.toArray();
    return users
      .filter((u) => u.roles.includes('picker'))
      .map((u) => ({ id: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);
}
