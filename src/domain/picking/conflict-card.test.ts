import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../errors';
import type { NewException } from '../commands/types';
import {
  cardFor,
  cardIdFor,
  ConflictResolveArgs,
  mutationIdOfCard,
  type CardLookups,
  type CardParams,
  type ConflictKind,
  type ConflictRejection,
} from './conflict-card';

// The area files are read as data, not imported: a domain test may not import client
// modules. Through vi.importActual because the client tsconfig has no Node types.
type Fs = { readFileSync(path: URL, encoding: 'utf8'): string };
const i18n = i18next.createInstance();
beforeAll(async () => {
  const fs = await vi.importActual<Fs>('node:fs');
  const strings = (lng: 'en' | 'es') =>
    JSON.parse(fs.readFileSync(new URL(`../../client/i18n/areas/picking-conflicts.${lng}.json`, import.meta.url), 'utf8'));
  await i18n.init({
    resources: { en: { translation: strings('en') }, es: { translation: strings('es') } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

const lookups: CardLookups = {
  skuName: (id) => ({ 's-mug': 'Blue Mug' })[id] ?? `?${id}`,
  binCode: (id) => ({ 'loc-a': 'A-03-2-B' })[id] ?? `?${id}`,
  task: (id) => (id === 't1' ? { skuId: 's-mug', locationId: 'loc-a' } : null),
  userName: (id) => ({ 'u-ben': 'Ben', 'u-ana': 'Ana' })[id] ?? null,
};
const exc = (type: NewException['type'], qty: number): NewException => ({
  type, waveId: 'w1', taskId: 't1', locationId: 'loc-a', skuId: 's-mug', qty,
});
const confirm = (qty: number, toteCode = 'T1') => ({ waveId: 'w1', taskId: 't1', qty, toteCode, assignmentEpoch: 1 });
const short = (foundQty: number, toteCode: string | null) => ({ waveId: 'w1', taskId: 't1', foundQty, toteCode, assignmentEpoch: 1 });
const undo = (qty: number) => ({ waveId: 'w1', taskId: 't1', mutationIdToUndo: 'm-0', qty, toteCode: 'T1', assignmentEpoch: 1 });
const rej = (code: string, commandName: string, args: unknown, p: Partial<ConflictRejection> = {}): ConflictRejection => ({
  mutationId: 'm-1', code, commandName, args, ...p,
});

type Expected = { kind: ConflictKind; params: CardParams; title: string; body: string; action: string } | null;
const mug = (n: number, extra: Partial<CardParams> = {}): CardParams => ({ count: n, qty: n, sku: 'Blue Mug', bin: 'A-03-2-B', ...extra });

describe('cardFor', () => {
  const cases: { name: string; r: ConflictRejection; lk?: Partial<CardLookups>; expected: Expected }[] = [
    { name: 'line picked by someone else, units in a tote',
      r: rej(ErrorCode.LINE_ALREADY_PICKED, 'pick.confirm', confirm(2), { exceptions: [exc('line_already_picked', 2)], otherUserId: 'u-ben' }),
      expected: { kind: 'put_back', params: mug(2, { tote: 'T1', picker: 'Ben' }), title: 'Ben already picked this line',
        body: 'Take 2 x Blue Mug out of tote T1 and put them back in bin A-03-2-B.', action: 'Done: put back' } },
    { name: 'line already picked, no tote named',
      r: rej(ErrorCode.LINE_ALREADY_PICKED, 'pick.short', short(1, null), { exceptions: [exc('line_already_picked', 1)] }),
      expected: { kind: 'put_back', params: mug(1), title: 'Line already picked',
        body: 'Put 1 x Blue Mug back in bin A-03-2-B.', action: 'Done: put back' } },
    { name: 'line already picked, the tote comes from the lookups',
      r: rej(ErrorCode.LINE_ALREADY_PICKED, 'pick.short', short(2, null), { exceptions: [exc('line_already_picked', 2)] }), lk: { toteCode: 'T9' },
      expected: { kind: 'put_back', params: mug(2, { tote: 'T9' }), title: 'Line already picked',
        body: 'Take 2 x Blue Mug out of tote T9 and put them back in bin A-03-2-B.', action: 'Done: put back' } },
    { name: 'line already picked, none found: nothing to put back',
      r: rej(ErrorCode.LINE_ALREADY_PICKED, 'pick.short', short(0, null)), expected: null },
    { name: 'over-pick: only the surplus goes back',
      r: rej(ErrorCode.OVER_PICK, 'pick.confirm', confirm(3), { exceptions: [exc('line_already_picked', 1)] }),
      expected: { kind: 'put_back', params: mug(1, { tote: 'T1' }), title: 'More than the line needs',
        body: 'Take 1 x Blue Mug out of tote T1 and put it back in bin A-03-2-B.', action: 'Done: put back' } },
    { name: 'over-pick refusal of a short moved nothing', r: rej(ErrorCode.OVER_PICK, 'pick.short', short(3, 'T1')), expected: null },
    { name: 'cancelled wave: the task says where the units go',
      r: rej(ErrorCode.WAVE_CLOSED, 'pick.confirm', confirm(2)),
      expected: { kind: 'put_back', params: mug(2, { tote: 'T1' }), title: 'Wave cancelled',
        body: 'Take 2 x Blue Mug out of tote T1 and put them back in bin A-03-2-B.', action: 'Done: put back' } },
    { name: 'cancelled wave, task unknown on the device', r: rej(ErrorCode.WAVE_CLOSED, 'pick.confirm', { ...confirm(2), taskId: 't9' }), expected: null },
    { name: 'wave reassigned while offline',
      r: rej(ErrorCode.WAVE_REASSIGNED, 'pick.confirm', confirm(2), { exceptions: [exc('stale_assignment', 2)], otherUserId: 'u-ana' }),
      expected: { kind: 'wave_reassigned', params: mug(2, { tote: 'T1', picker: 'Ana' }), title: 'Wave given to Ana',
        body: 'Your pick of 2 x Blue Mug from bin A-03-2-B counts. Stop picking this wave and check your list.', action: 'Got it' } },
    { name: 'wave reassigned to nobody known',
      r: rej(ErrorCode.WAVE_REASSIGNED, 'pick.confirm', confirm(1), { otherUserId: 'u-zed' }),
      expected: { kind: 'wave_reassigned', params: mug(1, { tote: 'T1' }), title: 'Wave given to someone else',
        body: 'Your pick of 1 x Blue Mug from bin A-03-2-B counts. Stop picking this wave and check your list.', action: 'Got it' } },
    { name: 'stock went negative: the count is what was picked',
      r: rej(ErrorCode.NEGATIVE_STOCK, 'pick.confirm', confirm(3), { exceptions: [exc('negative_stock', 1)] }),
      expected: { kind: 'negative_stock', params: mug(3, { tote: 'T1' }), title: 'Bin A-03-2-B will be counted',
        body: 'The system showed fewer than 3 x Blue Mug in bin A-03-2-B. Your pick counts.', action: 'Got it' } },
    { name: 'undo refused: tote left the cart',
      r: rej(ErrorCode.TOTE_LEFT_CART, 'pick.undo', undo(2)),
      expected: { kind: 'undo_refused', params: mug(2, { tote: 'T1' }), title: 'Tote T1 had already left the cart',
        body: 'The system still has 2 x Blue Mug in tote T1. If you put them back in bin A-03-2-B, tell your lead.', action: 'Done: lead told' } },
    { name: 'undo refused: not your pick',
      r: rej(ErrorCode.UNDO_NOT_YOURS, 'pick.undo', undo(1)),
      expected: { kind: 'undo_refused', params: mug(1, { tote: 'T1' }), title: 'Undo not recorded',
        body: 'The system still has 1 x Blue Mug in tote T1. If you put it back in bin A-03-2-B, tell your lead.', action: 'Done: lead told' } },
    { name: 'already undone: nothing left to do', r: rej(ErrorCode.ALREADY_UNDONE, 'pick.undo', undo(1)), expected: null },
    { name: 'a code without a card', r: rej(ErrorCode.TASK_NOT_FOUND, 'pick.confirm', confirm(1)), expected: null },
    { name: 'a code this version does not know', r: rej('FROM_A_NEWER_SERVER', 'pick.confirm', confirm(1)), expected: null },
  ];

  it.each(cases)('$name', ({ r, lk, expected }) => {
    const card = cardFor(r, { ...lookups, ...lk });
    if (expected === null) {
      expect(card).toBeNull();
      return;
    }
    expect(card).toEqual({
      id: 'conflict-m-1', mutationId: 'm-1', kind: expected.kind,
      titleKey: expect.stringMatching(`^pickingConflicts\\.card\\.${expected.kind}\\.`),
      bodyKey: expect.stringMatching(`^pickingConflicts\\.card\\.${expected.kind}\\.`),
      actionKey: `pickingConflicts.card.${expected.kind}.action`,
      params: expected.params,
      doneCommand: { name: 'conflict.resolve', args: { cardId: 'conflict-m-1' } },
    });
    const t = i18n.getFixedT('en');
    expect({ title: t(card!.titleKey, card!.params), body: t(card!.bodyKey, card!.params), action: t(card!.actionKey) })
      .toEqual({ title: expected.title, body: expected.body, action: expected.action });
    // Every key the card uses exists in Spanish too (a missing key renders as itself).
    const es = i18n.getFixedT('es');
    for (const k of [card!.titleKey, card!.bodyKey, card!.actionKey]) expect(es(k, card!.params)).not.toBe(k);
  });

  it('speaks Spanish with the plural form', () => {
    const card = cardFor(rej(ErrorCode.LINE_ALREADY_PICKED, 'pick.confirm', confirm(2), { exceptions: [exc('line_already_picked', 2)] }), lookups);
    const es = i18n.getFixedT('es');
    expect(es(card!.bodyKey, card!.params)).toBe('Saca 2 x Blue Mug de la caja T1 y devuélvelos a la ubicación A-03-2-B.');
  });

  it('the done command is a valid conflict.resolve that names the mutation', () => {
    const card = cardFor(rej(ErrorCode.WAVE_CLOSED, 'pick.confirm', confirm(2), { mutationId: '01890a5d-ac96-774b-bcce-b302099a8057' }), lookups);
    expect(ConflictResolveArgs.parse(card!.doneCommand.args)).toEqual({ cardId: card!.id });
    expect(mutationIdOfCard(card!.id)).toBe('01890a5d-ac96-774b-bcce-b302099a8057');
  });
});

describe('card ids and ConflictResolveArgs', () => {
  it.each([
    { cardId: cardIdFor('m-7'), mutationId: 'm-7' },
    { cardId: 'conflict-', mutationId: null },
    { cardId: 'm-7', mutationId: null },
  ])('$cardId -> $mutationId', ({ cardId, mutationId }) => expect(mutationIdOfCard(cardId)).toBe(mutationId));

  it.each([
    { name: 'valid', input: { cardId: 'conflict-m-1' }, ok: true },
    { name: 'empty id', input: { cardId: '' }, ok: false },
    { name: 'extra field', input: { cardId: 'conflict-m-1', done: true }, ok: false },
  ])('$name', ({ input, ok }) => expect(ConflictResolveArgs.safeParse(input).success).toBe(ok));
});
