import { z } from 'zod';
import { ErrorCode } from '../errors';
import type { Location, PickTask, Wave } from '../model';
import { noChanges, reject, type CommandDef, type Outcome, type RuleContext } from './types';

/**
 * wave.dropoff: the wave is done (every task picked or short) and the picker scans the
 * pack bench where they leave the cart's totes. The totes holding the wave's units become
 * `awaiting_packing` at that bench and the wave records where and when: from then on the
 * totes have left the cart, so pick.undo answers TOTE_LEFT_CART.
 *
 * No stock moves: the units stay in their totes (containers in the ledger) and the
 * totes' place is a row, not a balance. Packing moves the units out of the totes later.
 *
 * A repeat (the device retried, or the picker scanned the bench twice) is applied
 * without changes, wherever it names: the totes are where the first scan put them.
 * The epoch is not judged: the totes are physically at the bench whoever holds the wave.
 */

const id = z.string().min(1).max(64);
const code = z.string().trim().min(1).max(64);

export const WaveDropoffArgs = z
  .strictObject({
    waveId: id,
    /** The bench label as scanned. */
    locationCode: code.optional(),
    /** The bench's id, when the device resolved the label. */
    locationId: id.optional(),
    assignmentEpoch: z.number().int().min(0),
  })
  .refine((a) => a.locationCode !== undefined || a.locationId !== undefined, {
    message: 'locationCode or locationId is required',
    path: ['locationCode'],
  });
export type WaveDropoffArgs = z.infer<typeof WaveDropoffArgs>;

export const waveDropoff: CommandDef<WaveDropoffArgs> = {
  name: 'wave.dropoff',
  argsVersion: 1,
  args: WaveDropoffArgs,
  roles: ['picker', 'lead'],
};

/** Order statuses a drop-off moves on to `picked`. */
const PRE_PICK = ['received', 'allocated', 'released', 'picking'] as const;

export type DropoffLocation = Pick<Location, 'id' | 'code' | 'type'>;

export interface WaveDropoffState {
  wave: Wave | null;
  /** Every task of the wave, or at least one open task if it has any. */
  tasks: readonly PickTask[];
  /** The location the arguments name (id first, else code); null when unknown. */
  location: DropoffLocation | null;
}

/** Scan-time check the device makes too: a label that is not a pack bench is refused at once. */
export function dropoffLocationError(location: DropoffLocation | null | undefined): ErrorCode | null {
  return location && location.type === 'pack_bench' ? null : ErrorCode.NOT_A_PACK_BENCH;
}

/** The totes holding the wave's picked units, in first-use order. */
export function waveToteCodes(tasks: readonly PickTask[]): string[] {
  const out = new Set<string>();
  for (const t of tasks) if (t.toteCode && t.pickedQty > 0) out.add(t.toteCode);
  return [...out];
}

export function applyWaveDropoff(state: WaveDropoffState, args: WaveDropoffArgs, ctx: RuleContext): Outcome {
  const { wave, location } = state;
  if (!wave || wave.id !== args.waveId) return reject(ErrorCode.WAVE_NOT_FOUND, `wave ${args.waveId} not found`);
  if (wave.status === 'cancelled') return reject(ErrorCode.WAVE_CLOSED, `wave ${wave.code} is cancelled`);
  if (wave.droppedAt) return { status: 'applied', ...noChanges() };
  const bad = dropoffLocationError(location);
  if (bad || !location) return reject(ErrorCode.NOT_A_PACK_BENCH, `${args.locationCode ?? args.locationId} is not a pack bench`);
  const open = state.tasks.find((t) => t.waveId === wave.id && t.status === 'open');
  if (open) return reject(ErrorCode.WAVE_NOT_DONE, `wave ${wave.code} still has open task ${open.id}`);
  const changes = noChanges();
  changes.wavePatch = { id: wave.id, patch: { droppedAt: ctx.now, dropoffLocationId: location.id } };
  const mine = state.tasks.filter((t) => t.waveId === wave.id);
  changes.totePatches = waveToteCodes(mine).map((c) => ({
    code: c,
    patch: { status: 'awaiting_packing' as const, locationId: location.id, waveId: wave.id },
  }));
  // Orders with units in the totes are now picked and wait for packing; one cancelled or
  // put on hold meanwhile keeps that status (the bench refuses it).
  changes.orderPatches = [...new Set(mine.filter((t) => t.pickedQty > 0).map((t) => t.orderId))].map((id) => ({
    id,
    patch: { status: 'picked' as const },
    from: PRE_PICK,
  }));
  return { status: 'applied', ...changes };
}
