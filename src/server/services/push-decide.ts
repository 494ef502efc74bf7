import type { Transaction } from 'kysely';
import {
  applyConflictResolve,
  applyPickConfirm,
  applyPickShortRealloc,
  applyPickSkip,
  applyPickUndoRecorded,
  applyWaveAssign,
  applyWaveDropoff,
  COMMANDS,
  reject,
  type ConflictResolveArgs,
  type Outcome,
  type PackConfirmArgs,
  type PackMissingArgs,
  type CountSubmitArgs,
  type PutawayConfirmArgs,
  type ReceiptCloseArgs,
  type ReturnGradeArgs,
  type StockMoveArgs,
  type PickConfirmArgs,
  type PickShortArgs,
  type PickSkipArgs,
  type PickUndoArgs,
  type WaveAssignArgs,
  type WaveDropoffArgs,
} from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import { applyPackConfirm, applyPackMissing } from '../../domain/packing/confirm';
import { mutationIdOfCard } from '../../domain/picking/conflict-card';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import { findLocation } from './dropoff-writes';
import { decideInventory } from './inventory-decide';
import { decideReceiving } from './receiving-decide';
import { decideReplenish } from './replenish-decide';
import type { ReplenishConfirmArgs } from '../../domain/replenish/confirm';
import { withLotStock } from './lot-stock';
import { loadPackState } from './pack-state';
import type { Parsed } from './push';
import type { Actor } from './push-actors';
import { loadCardExceptions, loadConfirmations, type BatchMemory } from './push-state';
import { loadShortState } from './short-stock';
import type { WaveCache } from './wave-cache';

/**
 * The server side of each command: authorisation, then the state its pure rule needs
 * (read inside the batch's transaction), then the rule itself, the same one the device
 * replays. Split from push.ts, which owns the batch and its writes.
 */
/** What rules that read beyond the wave need: the transaction and this batch's earlier commands. */
export interface DecideEnv {
  trx: Transaction<Database>;
  batch: BatchMemory;
  warehouseId: string;
  deviceId: string;
}

export async function decide(
  f: Parsed,
  actors: Map<string, Actor>,
  waves: WaveCache,
  ctx: { userId: string; mutationId: string; now: string },
  env: DecideEnv,
): Promise<Outcome> {
  const user = actors.get(f.m.userId);
  if (!user || !user.onDevice) {
    return reject(ErrorCode.FORBIDDEN, `user ${f.m.userId} has not signed in on this device`);
  }
  if (!hasAnyRole(user.roles, COMMANDS[f.name].roles)) {
    return reject(ErrorCode.FORBIDDEN, `${f.name} is not allowed for this user's roles`);
  }
  switch (f.name) {
    case 'pick.confirm': {
      const a = f.args as PickConfirmArgs;
      const state = await waves.forPick(a.waveId, a.taskId, a.toteCode);
      return applyPickConfirm(a.lot ? await withLotStock(env.trx, env.warehouseId, env.batch, state, a, ctx.now) : state, a, ctx);
    }
    case 'pick.short': {
      const a = f.args as PickShortArgs;
      return applyPickShortRealloc(await loadShortState(env.trx, env.warehouseId, waves, env.batch, a, ctx.now), a, ctx);
    }
    case 'pick.skip': {
      const a = f.args as PickSkipArgs;
      return applyPickSkip(await waves.whole(a.waveId), a, ctx);
    }
    case 'pick.undo': {
      const a = f.args as PickUndoArgs;
      const { wave, tasks } = await waves.forPick(a.waveId, a.taskId, null);
      const confirmations = await loadConfirmations(env.trx, env.batch, a);
      // Every tote holding the wave's units left the cart together at its drop-off.
      const dropped = Boolean(wave?.droppedAt);
      return applyPickUndoRecorded({ wave, tasks, confirmations, toteOffCart: () => dropped }, a, ctx);
    }
    case 'wave.dropoff': {
      const a = f.args as WaveDropoffArgs;
      const state = await waves.whole(a.waveId);
      const location = await findLocation(env.trx, env.warehouseId, a);
      return applyWaveDropoff({ ...state, location }, a, ctx);
    }
    case 'conflict.resolve': {
      const a = f.args as ConflictResolveArgs;
      return applyConflictResolve(await loadCardExceptions(env.trx, env.batch, env.warehouseId, mutationIdOfCard(a.cardId)), a, ctx);
    }
    case 'wave.assign': {
      const a = f.args as WaveAssignArgs;
      const wave = await waves.wave(a.waveId);
      const assignee = actors.get(a.userId) ?? null;
      return applyWaveAssign({ wave, assignee }, a, ctx);
    }
    case 'pack.confirm': {
      const a = f.args as PackConfirmArgs;
      const state = await loadPackState(env, waves, a);
      return state ? applyPackConfirm(state, a, ctx) : reject(ErrorCode.FORBIDDEN, 'packing is not set up in this warehouse');
    }
    case 'pack.missing': {
      const a = f.args as PackMissingArgs;
      const state = await loadPackState(env, waves, a);
      return state ? applyPackMissing(state, a, ctx) : reject(ErrorCode.FORBIDDEN, 'packing is not set up in this warehouse');
    }
    case 'receipt.close':
    case 'putaway.confirm':
    case 'stock.move':
      return decideReceiving(f.name, f.args as ReceiptCloseArgs | PutawayConfirmArgs | StockMoveArgs, ctx, env);
    case 'return.grade':
    case 'count.submit':
      return decideInventory(f.name, f.args as ReturnGradeArgs | CountSubmitArgs, ctx, env);
    case 'replenish.confirm':
      return decideReplenish(f.args as ReplenishConfirmArgs, ctx, env);
  }
}
