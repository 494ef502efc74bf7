import { COMMANDS } from '../../../domain/commands';
import { ErrorCode } from '../../../domain/errors';
import { enqueue, type EnqueueResult } from '../../local/outbox';
import { skipLocally } from '../../local/pick-cart';
import type { FlowCommand } from './pick-flow';

/**
 * A tote holding another order of the wave is refused by `enqueue` itself, against the
 * view inside the write's own transaction: nothing is recorded for it, and no separate
 * read of the wave's totes sits between the scan and the beep.
 */
const REFUSE = { refuse: [ErrorCode.TOTE_IN_USE] };

export type RecordResult = { ok: true } | { ok: false; code: ErrorCode; refused: boolean; tote: string };

/** Commands this app version's server may not know yet are only kept on the device. */
const known = (name: string) => Object.prototype.hasOwnProperty.call(COMMANDS, name);

async function recordOne(cmd: FlowCommand): Promise<EnqueueResult> {
  switch (cmd.name) {
    case 'pick.confirm':
      return enqueue('pick.confirm', cmd.args, REFUSE);
    case 'pick.short':
      return enqueue('pick.short', cmd.args, REFUSE);
    case 'pick.skip': {
      // The device's own mark moves the walk on at once; the command tells the server.
      await skipLocally(cmd.args.waveId, cmd.args.taskIds);
      if (!known('pick.skip')) return { ok: true, seq: 0, outcome: null };
      const send = enqueue as (name: string, args: unknown) => Promise<EnqueueResult>;
      return send('pick.skip', cmd.args);
    }
  }
}

/**
 * Records a stop's commands in order (one per task put away). The first failure stops
 * the rest, so the picker is never told "saved" for something that was not.
 */
export async function recordAll(cmds: readonly FlowCommand[]): Promise<RecordResult> {
  for (const cmd of cmds) {
    const r = await recordOne(cmd);
    if (!r.ok) return { ok: false, code: r.code, refused: r.refused === true, tote: 'toteCode' in cmd.args ? (cmd.args.toteCode ?? '') : '' };
  }
  return { ok: true };
}
