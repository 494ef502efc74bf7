import { describe, expect, it } from 'vitest';
import { countCommand } from './actions';
import { tallyCommands, type LoggedCommand } from './tally';

const M = 60_000;
const W = { start: 0, end: 60 * M };
const row = (userId: string, name: string, args: unknown, min: number, status = 'applied'): LoggedCommand => ({ userId, name, args, status, at: min * M });

describe('countCommand', () => {
  const carton = (items: { qty: number }[]) => ({ items: items.map((i) => ({ skuId: 's', lot: null, ...i })) });
  it.each([
    ['pick.confirm', { qty: 3 }, { flow: 'pick', units: 3, lines: 1 }],
    ['pick.short', { foundQty: 0 }, { flow: 'pick', units: 0, lines: 1 }],
    ['pack.confirm', { cartons: [carton([{ qty: 2 }, { qty: 1 }]), carton([{ qty: 4 }])] }, { flow: 'pack', units: 7, lines: 3 }],
    ['receipt.close', { lines: [{ qty: 10 }, { qty: 5 }] }, { flow: 'receive', units: 15, lines: 2 }],
    ['putaway.confirm', { qty: 6 }, { flow: 'putaway', units: 6, lines: 1 }],
    ['stock.move', { qty: 2 }, { flow: 'putaway', units: 2, lines: 1 }],
    ['count.submit', { lines: [] }, { flow: 'count', units: 0, lines: 1 }],
    ['count.submit', { lines: [{ qty: 4 }, { qty: 1 }] }, { flow: 'count', units: 5, lines: 1 }],
    ['return.grade', { units: [{ qty: 1 }, { qty: 2 }] }, { flow: 'returns', units: 3, lines: 2 }],
    ['pick.undo', { mutationId: 'x' }, null],
    ['pick.skip', {}, null],
    ['wave.assign', {}, null],
    ['pick.confirm', null, { flow: 'pick', units: 0, lines: 1 }],
    ['pack.confirm', { cartons: 'nonsense' }, { flow: 'pack', units: 0, lines: 0 }],
  ])('%s %j', (name, args, expected) => {
    expect(countCommand(name, args)).toEqual(expected);
  });
});

describe('tallyCommands', () => {
  it('empty log: nothing', () => {
    expect(tallyCommands([], W)).toEqual({ actions: [], quality: [] });
  });

  it('work, refusals, undos and shorts of several pickers', () => {
    const { actions, quality } = tallyCommands(
      [
        row('pat', 'pick.confirm', { qty: 2 }, 1),
        row('pat', 'pick.confirm', { qty: 2 }, 2, 'rejected'),
        row('pat', 'pick.undo', { mutationId: 'm' }, 3),
        row('pat', 'pick.short', { foundQty: 1 }, 4),
        row('ana', 'pick.confirm', { qty: 5 }, 5),
        row('ana', 'pack.confirm', { cartons: [] }, 6, 'rejected'),
        row('ana', 'pick.confirm', { qty: 5 }, 61),
      ],
      W,
    );
    expect(actions.map((a) => [a.userId, a.flow, a.units, a.at / M])).toEqual([
      ['pat', 'pick', 2, 1],
      ['pat', 'pick', 1, 4],
      ['ana', 'pick', 5, 5],
    ]);
    expect(quality).toEqual([
      { userId: 'ana', lines: 1, rejected: 0, undone: 0, shorts: 0 },
      { userId: 'pat', lines: 2, rejected: 1, undone: 1, shorts: 1 },
    ]);
  });

  it('a row with an unreadable time is left out', () => {
    expect(tallyCommands([row('pat', 'pick.confirm', { qty: 1 }, Number.NaN)], W).actions).toEqual([]);
  });
});
