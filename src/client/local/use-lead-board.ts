import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Wave } from '../../domain/model';
import { db } from './db';

/** One wave on the lead's board: its pick lines and how many are done (picked or short). */
export interface BoardWave {
  wave: Wave;
  assignee: string | null;
  lines: number;
  done: number;
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
        const [lines, open] = await Promise.all([
          db().tasks.where('waveId').equals(wave.id).count(),
          db().tasks.where('[waveId+status+walkSeq]').between([wave.id, 'open', Dexie.minKey], [wave.id, 'open', Dexie.maxKey]).count(),
        ]);
        return { wave, assignee: wave.assignedUserId ? (users.get(wave.assignedUserId) ?? wave.assignedUserId) : null, lines, done: lines - open };
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
