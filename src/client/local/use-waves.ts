import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Location, PickTask, Wave } from '../../domain/model';
import type { CartSlot } from '../../domain/picking/cart';
import type { BinLotStock } from '../../domain/picking/lot';
import { buildStops, type Stop } from '../../domain/picking/walk';
import { db, type SkuRow } from './db';
import { loadCart, loadSkipMarks, withSkipMark } from './pick-cart';
import { binLots } from './stock';

export interface WaveSummary {
  wave: Wave;
  total: number;
  closed: number;
}

const openRange = (waveId: string) =>
  db().tasks.where('[waveId+status+walkSeq]').between([waveId, 'open', Dexie.minKey], [waveId, 'open', Dexie.maxKey]);

/** Counts from the indexes: no task row is read. */
async function waveCounts(waveId: string): Promise<{ total: number; closed: number }> {
  const [total, open] = await Promise.all([db().tasks.where('waveId').equals(waveId).count(), openRange(waveId).count()]);
  return { total, closed: total - open };
}

/** The user's assigned waves that still have work, with progress counts. */
export function useMyWaves(userId: string | undefined): WaveSummary[] | undefined {
  return useLiveQuery(async () => {
    if (!userId) return [];
    const waves = await db().waves.where('assignedUserId').equals(userId).toArray();
    const open = waves.filter((w) => w.status !== 'cancelled');
    const out = await Promise.all(open.map(async (wave) => ({ wave, ...(await waveCounts(wave.id)) })));
    return out.sort((a, b) => a.wave.code.localeCompare(b.wave.code));
  }, [userId]);
}

/** What the pick screen shows and judges scans against: never the whole wave. */
export interface WaveScreen {
  wave: Wave | null;
  total: number;
  closed: number;
  /** The chosen task if it is still open, else the first task of the next stop in the walk. */
  current: PickTask | null;
  /** `lots`: the bin's lots of the current SKU, for the lot step (only for a lot-tracked stop). */
  location: (Location & { lots?: BinLotStock[] }) | undefined;
  sku: SkuRow | undefined;
  /** A tote the current task's order already uses in this wave, to suggest. */
  orderTote: string | null;
  /** Where the picker is: the current task alone, or on a cluster wave every order's task for that bin and SKU. */
  stop: Stop | null;
  /** The open tasks of the stop, in slot order. */
  stopTasks: PickTask[];
  /** The cluster cart; null on a single-order wave. */
  cart: CartSlot[] | null;
  /** On a cluster wave: tote to the order whose units it already holds. */
  inUse: Map<string, string>;
}

const isCluster = (w: Wave | undefined) => w?.kind === 'cluster';
const skipped = (t: PickTask) => t.skippedAt !== null && t.skippedAt !== undefined;

/**
 * The next stop's first task: the first open task in walk order that is not skipped, else
 * (everything left was skipped) the first of the walk's end, read in full.
 */
async function nextTask(waveId: string, marks: ReadonlyMap<string, number>): Promise<PickTask | null> {
  const first = await openRange(waveId).filter((t) => !skipped(withSkipMark(t, marks))).first();
  if (first) return first;
  const open = (await openRange(waveId).toArray()).map((t) => withSkipMark(t, marks));
  const stop = buildStops(open, [])[0];
  return stop ? (open.find((t) => t.id === stop.taskIds[0]) ?? null) : null;
}

/** Reads the pick screen's rows in one read-only transaction, by index. */
export async function loadWaveScreen(waveId: string, selectedId: string | null): Promise<WaveScreen> {
  const d = db();
  return d.transaction('r', [d.waves, d.tasks, d.locations, d.skus, d.meta, d.stock], async () => {
    const [wave, counts, chosen, marks] = await Promise.all([
      d.waves.get(waveId),
      waveCounts(waveId),
      selectedId ? d.tasks.get(selectedId) : undefined,
      loadSkipMarks(waveId),
    ]);
    const cluster = isCluster(wave);
    // A cluster wave is a cart of a few orders: its tasks are few enough to read whole.
    const waveTasks = cluster ? await d.tasks.where('waveId').equals(waveId).toArray() : [];
    const cart = cluster ? await loadCart(waveId, waveTasks) : null;
    const inUse = new Map(waveTasks.filter((t) => t.toteCode && t.pickedQty > 0).map((t) => [t.toteCode!, t.orderId]));
    const picked = chosen && chosen.waveId === waveId && chosen.status === 'open' ? chosen : await nextTask(waveId, marks);
    const current = picked ? withSkipMark(picked, marks) : null;
    const none = { wave: wave ?? null, ...counts, location: undefined, sku: undefined, orderTote: null, stopTasks: [], cart, inUse };
    if (!current) return { ...none, current: null, stop: null };
    const [bin, lots, sku, orderTasks, sameBin] = await Promise.all([
      d.locations.get(current.locationId),
      current.lot ? binLots(current.locationId, current.skuId) : undefined,
      d.skus.get(current.skuId),
      d.tasks.where('[waveId+orderId]').equals([waveId, current.orderId]).toArray(),
      cluster ? d.tasks.where('[waveId+status+walkSeq]').equals([waveId, 'open', current.walkSeq]).toArray() : [current],
    ]);
    const location = bin && lots ? { ...bin, lots } : bin;
    orderTasks.sort(byWalk);
    const orderTote = orderTasks.find((x) => x.toteCode && x.pickedQty > 0)?.toteCode ?? null;
    const mine = sameBin.filter((t) => t.locationId === current.locationId && t.skuId === current.skuId).map((t) => withSkipMark(t, marks));
    const stop = buildStops(mine.length ? mine : [current], cart ?? [])[0] ?? null;
    const stopTasks = stop ? stop.taskIds.map((id) => mine.find((t) => t.id === id) ?? current) : [current];
    return { ...none, current, location, sku, orderTote, stop, stopTasks };
  });
}

/** A pick screen read, tagged with the writer's generation counter as it was when the read began. */
export interface JudgedScreen {
  gen: number;
  screen: WaveScreen;
}

/**
 * The pick screen, live. `gen` is a counter the screen bumps after each of its writes:
 * a result tagged with an older value may have been read before that write.
 */
export function useWaveScreen(waveId: string, selectedId: string | null, gen: { readonly current: number }): JudgedScreen | undefined {
  return useLiveQuery(async () => {
    const g = gen.current;
    return { gen: g, screen: await loadWaveScreen(waveId, selectedId) };
  }, [waveId, selectedId, gen]);
}

/** Every tote code, by its upper-case form: a scanned tote is known or not without a read. */
export function useToteCodes(): Map<string, string> | undefined {
  return useLiveQuery(async () => {
    const codes = (await db().totes.orderBy('code').keys()) as string[]; // the index only, no rows
    return new Map(codes.map((c) => [c.toUpperCase(), c]));
  }, []);
}

function byWalk(a: PickTask, b: PickTask): number {
  return a.walkSeq - b.walkSeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every task of a wave in walk order, for the task list (read only while it is open). */
export function useWaveTasks(waveId: string): PickTask[] | undefined {
  return useLiveQuery(
    () => db().tasks.where('[waveId+walkSeq]').between([waveId, Dexie.minKey], [waveId, Dexie.maxKey]).toArray(),
    [waveId],
  );
}

/** Bin and SKU codes for the rows on screen only. */
export function useCodes(locationIds: readonly string[], skuIds: readonly string[]) {
  const key = `${locationIds.join(',')}|${skuIds.join(',')}`;
  return useLiveQuery(
    async () => {
      const [locs, skus] = await Promise.all([db().locations.bulkGet([...new Set(locationIds)]), db().skus.bulkGet([...new Set(skuIds)])]);
      return {
        locations: new Map(locs.filter((l): l is Location => !!l).map((l) => [l.id, l.code])),
        skus: new Map(skus.filter((s): s is SkuRow => !!s).map((s) => [s.id, s.code])),
      };
    },
    [key],
  );
}
