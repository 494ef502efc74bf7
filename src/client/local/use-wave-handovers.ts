import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Wave } from '../../domain/model';
import { db } from './db';

/**
 * A wave a lead took from this picker (reassigned, docs/lead-actions.md). The pull only
 * brings the wave with its new holder; without a memory of "this was mine" the wave
 * would silently leave the picker's list. So the device remembers the waves it has shown
 * as the user's (meta `pick-mine:<userId>`), and a remembered wave now held by someone
 * else is a handover to tell the picker about, until they say they have read it.
 */
export interface Handover {
  waveId: string;
  code: string;
  /** The new holder's name (their id when the device does not know them). */
  to: string;
  /** 'remaining': only the open lines moved; the finished ones are the split wave, still this picker's. */
  scope: 'wave' | 'remaining';
  split: { id: string; code: string; droppedAt: string | null } | null;
}

const key = (userId: string) => `pick-mine:${userId}`;
type Memory = Record<string, string>; // wave id -> code

async function memory(userId: string): Promise<Memory> {
  return ((await db().meta.get(key(userId)))?.value as Memory | undefined) ?? {};
}

/** Remembers the waves shown as the user's (only new ones are written). */
export async function rememberMyWaves(userId: string, waves: readonly Pick<Wave, 'id' | 'code' | 'assignedUserId'>[]): Promise<void> {
  const mine = waves.filter((w) => w.assignedUserId === userId);
  if (mine.length === 0) return;
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const m = await memory(userId);
    const fresh = mine.filter((w) => m[w.id] === undefined);
    if (fresh.length === 0) return;
    for (const w of fresh) m[w.id] = w.code;
    await d.meta.put({ key: key(userId), value: m });
  });
}

/** The picker has read the handover: it is not shown again. */
export async function forgetHandover(userId: string, waveId: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.meta, async () => {
    const m = await memory(userId);
    if (m[waveId] === undefined) return;
    delete m[waveId];
    await d.meta.put({ key: key(userId), value: m });
  });
}

/** Keeps the memory up to date with what a screen shows as the user's waves. */
export function useRememberMyWaves(userId: string | undefined, waves: readonly Pick<Wave, 'id' | 'code' | 'assignedUserId'>[] | undefined): void {
  const ids = waves?.map((w) => `${w.id}:${w.assignedUserId ?? ''}`).join(',') ?? '';
  useEffect(() => {
    if (userId && waves) void rememberMyWaves(userId, waves);
    // `ids` stands for the waves' contents: a new array with the same waves writes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId, ids]);
}

async function handoverOf(userId: string, wave: Wave, names: Map<string, string>): Promise<Handover> {
  const prefix = `${wave.code}.`;
  const mine = await db().waves.where('assignedUserId').equals(userId).toArray();
  // The split wave of the latest epoch is the one this reassignment made (docs/lead-actions.md).
  const split = mine.filter((w) => w.code.startsWith(prefix)).sort((a, b) => Number(b.code.slice(prefix.length)) - Number(a.code.slice(prefix.length)))[0];
  const to = wave.assignedUserId!;
  return {
    waveId: wave.id,
    code: wave.code,
    to: names.get(to) ?? to,
    scope: split ? 'remaining' : 'wave',
    split: split ? { id: split.id, code: split.code, droppedAt: split.droppedAt ?? null } : null,
  };
}

const takenAway = (w: Wave | undefined, userId: string): w is Wave => !!w && !!w.assignedUserId && w.assignedUserId !== userId && w.status !== 'cancelled';

/** Every remembered wave that someone else now holds, by code. */
export function useWaveHandovers(userId: string | undefined): Handover[] | undefined {
  return useLiveQuery(async () => {
    if (!userId) return [];
    const ids = Object.keys(await memory(userId));
    if (ids.length === 0) return [];
    const waves = (await db().waves.bulkGet(ids)).filter((w): w is Wave => takenAway(w, userId));
    if (waves.length === 0) return [];
    const names = new Map((await db().users.toArray()).map((u) => [u.id, u.name]));
    const out = await Promise.all(waves.map((w) => handoverOf(userId, w, names)));
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }, [userId]);
}

/** The wave on the pick screen, when someone else holds it now (whether or not it was remembered). */
export function useWaveHandover(userId: string | undefined, waveId: string): Handover | null | undefined {
  return useLiveQuery(async () => {
    if (!userId) return null;
    const w = await db().waves.get(waveId);
    if (!takenAway(w, userId)) return null;
    const names = new Map((await db().users.toArray()).map((u) => [u.id, u.name]));
    return handoverOf(userId, w, names);
  }, [userId, waveId]);
}

/** Lines someone else picked on a wave after it was given to this user (open `stale_assignment` exceptions), by person. */
export type StalePicks = Record<string, { by: string; count: number }[]>;

/**
 * The other side of a handover (DESIGN.md section 4: "both and the lead are told"): the
 * old picker's offline picks on lines still open were accepted and closed those lines, so
 * this user's wave shrank; say who did it. Keyed by wave id, for the user's own waves.
 */
export function useStalePicksByOthers(userId: string | undefined): StalePicks | undefined {
  return useLiveQuery(async () => {
    if (!userId) return {};
    const mine = await db().waves.where('assignedUserId').equals(userId).primaryKeys();
    if (mine.length === 0) return {};
    const rows = await db().exceptions.where('waveId').anyOf(mine).toArray();
    const stale = rows.filter((e) => e.type === 'stale_assignment' && e.status === 'open' && e.raisedBy && e.raisedBy !== userId);
    if (stale.length === 0) return {};
    const names = new Map((await db().users.toArray()).map((u) => [u.id, u.name]));
    const out: StalePicks = {};
    for (const e of stale) {
      const by = names.get(e.raisedBy!) ?? e.raisedBy!;
      const list = (out[e.waveId!] ??= []);
      const hit = list.find((x) => x.by === by);
      if (hit) hit.count += 1;
      else list.push({ by, count: 1 });
    }
    return out;
  }, [userId]);
}
