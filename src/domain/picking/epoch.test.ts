import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { decideEpoch, epochExceptions, type EpochDecision, type EpochInput } from './epoch';

type W = EpochInput['wave'];
type T = EpochInput['task'];
const wave = (p: Partial<W> = {}): W => ({ status: 'picking', assignmentEpoch: 2, assignedUserId: 'u-ana', ...p });
const open: T = { status: 'open', qty: 3, pickedQty: 0, pickedBy: null };
const partly: T = { status: 'open', qty: 3, pickedQty: 1, pickedBy: 'u-ben' };
const pickedByBen: T = { status: 'picked', qty: 3, pickedQty: 3, pickedBy: 'u-ben' };
const pickedByAna: T = { status: 'picked', qty: 3, pickedQty: 3, pickedBy: 'u-ana' };
const shortByBen: T = { status: 'short', qty: 3, pickedQty: 1, pickedBy: 'u-ben' };

const tellLead = (reason: 'stale_epoch' | 'not_assignee' | 'epoch_ahead', tell: string[]): EpochDecision => ({
  verdict: 'accept_and_tell', reason, exception: 'stale_assignment', tell, lead: true,
});
const alreadyPicked = (reason: 'picked_by_other' | 'picked_by_self', pickedBy: string | null): EpochDecision => ({
  verdict: 'reject', reason, code: ErrorCode.LINE_ALREADY_PICKED, exception: 'line_already_picked', pickedBy,
});

// Ana holds the wave at epoch 2; Ben held it at epoch 1 before the lead reassigned it.
describe('decideEpoch (DESIGN.md section 4)', () => {
  const cases: { name: string; input: EpochInput; expected: EpochDecision }[] = [
    { name: 'assignee, current epoch, open line: accept',
      input: { deviceEpoch: 2, wave: wave(), task: open, actorId: 'u-ana' }, expected: { verdict: 'accept', reason: 'current' } },
    { name: 'previous assignee offline, open line: accept, tell both and the lead',
      input: { deviceEpoch: 1, wave: wave(), task: open, actorId: 'u-ben' }, expected: tellLead('stale_epoch', ['u-ben', 'u-ana']) },
    { name: 'previous assignee offline, partly picked line still open: accept',
      input: { deviceEpoch: 1, wave: wave(), task: partly, actorId: 'u-ben' }, expected: tellLead('stale_epoch', ['u-ben', 'u-ana']) },
    { name: 'wave taken back to nobody, stale picker: accept, tell picker and lead',
      input: { deviceEpoch: 1, wave: wave({ assignedUserId: null }), task: open, actorId: 'u-ben' }, expected: tellLead('stale_epoch', ['u-ben']) },
    { name: 'reassigned away and back to the same picker: plain accept',
      input: { deviceEpoch: 1, wave: wave(), task: open, actorId: 'u-ana' }, expected: { verdict: 'accept', reason: 'reassigned_back' } },
    { name: 'someone not assigned, current epoch: accept, tell assignee and lead',
      input: { deviceEpoch: 2, wave: wave(), task: open, actorId: 'u-cal' }, expected: tellLead('not_assignee', ['u-cal', 'u-ana']) },
    { name: 'device epoch ahead of the server: accept, lead looks',
      input: { deviceEpoch: 3, wave: wave(), task: open, actorId: 'u-ana' }, expected: tellLead('epoch_ahead', ['u-ana']) },
    { name: 'stale picker, line picked by the new assignee: LINE_ALREADY_PICKED + put back',
      input: { deviceEpoch: 1, wave: wave(), task: pickedByAna, actorId: 'u-ben' }, expected: alreadyPicked('picked_by_other', 'u-ana') },
    { name: 'current assignee, line picked by the old assignee: LINE_ALREADY_PICKED + put back',
      input: { deviceEpoch: 2, wave: wave(), task: pickedByBen, actorId: 'u-ana' }, expected: alreadyPicked('picked_by_other', 'u-ben') },
    { name: 'line shorted by someone else: LINE_ALREADY_PICKED + put back',
      input: { deviceEpoch: 2, wave: wave(), task: shortByBen, actorId: 'u-ana' }, expected: alreadyPicked('picked_by_other', 'u-ben') },
    { name: 'own line picked twice: LINE_ALREADY_PICKED + put back',
      input: { deviceEpoch: 2, wave: wave(), task: pickedByAna, actorId: 'u-ana' }, expected: alreadyPicked('picked_by_self', 'u-ana') },
    { name: 'cancelled wave: WAVE_CLOSED + put back',
      input: { deviceEpoch: 2, wave: wave({ status: 'cancelled' }), task: open, actorId: 'u-ana' },
      expected: { verdict: 'reject', reason: 'wave_cancelled', code: ErrorCode.WAVE_CLOSED, exception: 'line_already_picked', pickedBy: null } },
  ];
  it.each(cases)('$name', ({ input, expected }) => expect(decideEpoch(input)).toEqual(expected));
});

describe('epochExceptions', () => {
  const w = { id: 'w1' };
  const t = { id: 't1', locationId: 'loc-1', skuId: 's-1' };
  const exc = (type: string, qty: number) => [{ type, waveId: 'w1', taskId: 't1', locationId: 'loc-1', skuId: 's-1', qty }];
  it.each([
    { name: 'accept stores nothing', d: decideEpoch({ deviceEpoch: 2, wave: wave(), task: open, actorId: 'u-ana' }), qty: 2, expected: [] },
    { name: 'stale accept stores a stale_assignment', d: decideEpoch({ deviceEpoch: 1, wave: wave(), task: open, actorId: 'u-ben' }),
      qty: 2, expected: exc('stale_assignment', 2) },
    { name: 'refusal stores the put-back', d: decideEpoch({ deviceEpoch: 2, wave: wave(), task: pickedByBen, actorId: 'u-ana' }),
      qty: 2, expected: exc('line_already_picked', 2) },
    { name: 'refusal of zero units stores nothing', d: decideEpoch({ deviceEpoch: 2, wave: wave(), task: pickedByBen, actorId: 'u-ana' }),
      qty: 0, expected: [] },
  ])('$name', ({ d, qty, expected }) => expect(epochExceptions(d, w, t, qty)).toEqual(expected));
});
