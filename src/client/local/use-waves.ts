import { useLiveQuery } from 'dexie-react-hooks';
import type { Location, PickTask, Wave } from '../../domain/model';
import { db, type SkuRow } from './db';

export interface WaveSummary {
  wave: Wave;
  total: number;
  closed: number;
}

/** The user's assigned waves that still have work, with progress counts. */
export function useMyWaves(userId: string | undefined): WaveSummary[] | undefined {
  return useLiveQuery(async () => {
    if (!userId) return [];
    const waves = await db().waves.where('assignedUserId').equals(userId).toArray();
    const open = waves.filter((w) => w.status !== 'cancelled');
    const out: WaveSummary[] = [];
    for (const wave of open) {
      const tasks = await db().tasks.where('waveId').equals(wave.id).toArray();
      out.push({ wave, total: tasks.length, closed: tasks.filter((t) => t.status !== 'open').length });
    }
    return out.sort((a, b) => a.wave.code.localeCompare(b.wave.code));
  }, [userId]);
}

export interface WaveDetail {
  wave: Wave | null;
  /** In walk order. */
  tasks: PickTask[];
  locations: Map<string, Location>;
  skus: Map<string, SkuRow>;
}

export function useWaveDetail(waveId: string): WaveDetail | undefined {
  return useLiveQuery(async () => {
    const d = db();
    const [wave, tasks] = await Promise.all([d.waves.get(waveId), d.tasks.where('waveId').equals(waveId).toArray()]);
    tasks.sort((a, b) => a.walkSeq - b.walkSeq || a.id.localeCompare(b.id));
    const locIds = [...new Set(tasks.map((t) => t.locationId))];
    const skuIds = [...new Set(tasks.map((t) => t.skuId))];
    const [locs, skus] = await Promise.all([d.locations.bulkGet(locIds), d.skus.bulkGet(skuIds)]);
    return {
      wave: wave ?? null,
      tasks,
      locations: new Map(locs.filter((l): l is Location => !!l).map((l) => [l.id, l])),
      skus: new Map(skus.filter((s): s is SkuRow => !!s).map((s) => [s.id, s])),
    };
  }, [waveId]);
}
