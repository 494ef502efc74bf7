import { z } from 'zod';
import { ErrorCode } from '../errors';
import { ROLES } from '../roles';
import type { PickTask } from '../model';
import type { CommandDef, NewException } from '../commands/types';

/**
 * A refused (or accepted-but-conflicting) command shown to the picker as a task-like
 * card: what happened, what to do with their hands, and a button that records it done.
 * The card carries i18n keys and params only; the UI renders "Put 2 x Blue Mug back in
 * bin A-03-2-B" with t(bodyKey, params) (`count` picks the _one/_other form).
 *
 * Wiring: the client calls cardFor for every rejection it pulls (and for applied
 * results whose note is WAVE_REASSIGNED or NEGATIVE_STOCK: the server sets the note
 * when it stores a stale_assignment or negative_stock exception). "Mark done" goes
 * through the outbox as conflict.resolve like any command, so it syncs; the server maps
 * the card id back to the mutation (mutationIdOfCard) and resolves that mutation's
 * exceptions on the lead's side. Needs `conflictResolve` in COMMANDS.
 */

export const CONFLICT_KINDS = ['put_back', 'wave_reassigned', 'negative_stock', 'undo_refused'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const ConflictResolveArgs = z.strictObject({ cardId: z.string().min(1).max(100) });
export type ConflictResolveArgs = z.infer<typeof ConflictResolveArgs>;

export const conflictResolve: CommandDef<ConflictResolveArgs> = {
  name: 'conflict.resolve',
  argsVersion: 1,
  args: ConflictResolveArgs,
  // Any floor worker can be shown a card (a packer too, once packing raises them).
  roles: ROLES,
};

export interface ConflictRejection {
  mutationId: string;
  code: string;
  commandName: string;
  /** The command's arguments as stored in the outbox. */
  args: unknown;
  exceptions?: readonly NewException[];
  /** Who picked the line (LINE_ALREADY_PICKED) or now holds the wave (WAVE_REASSIGNED). */
  otherUserId?: string | null;
}

export interface CardLookups {
  skuName(id: string): string;
  binCode(id: string): string;
  /** Tote to name when the command's arguments carry none. */
  toteCode?: string | null;
  /** For refusals that carry no exception: where the command's task is. */
  task?(id: string): Pick<PickTask, 'skuId' | 'locationId'> | null;
  userName?(id: string): string | null;
}

// A type, not an interface: it must be assignable to t()'s options (an index signature).
export type CardParams = {
  /** i18next's plural selector; equal to qty. */
  count: number;
  qty: number;
  sku: string;
  bin: string;
  tote?: string;
  picker?: string;
};

export interface ConflictCard {
  id: string;
  mutationId: string;
  kind: ConflictKind;
  titleKey: string;
  bodyKey: string;
  params: CardParams;
  actionKey: string;
  doneCommand: { name: 'conflict.resolve'; args: ConflictResolveArgs };
}

const CARD_PREFIX = 'conflict-';
export const cardIdFor = (mutationId: string) => `${CARD_PREFIX}${mutationId}`;
export function mutationIdOfCard(cardId: string): string | null {
  return cardId.startsWith(CARD_PREFIX) && cardId.length > CARD_PREFIX.length ? cardId.slice(CARD_PREFIX.length) : null;
}

function field<T extends 'string' | 'number'>(args: unknown, key: string, type: T) {
  const v = typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[key] : undefined;
  return (typeof v === type ? v : undefined) as (T extends 'string' ? string : number) | undefined;
}

/** Units the worker physically handled, as the command said. */
function physicalQty(args: unknown): number {
  return field(args, 'qty', 'number') ?? field(args, 'foundQty', 'number') ?? 0;
}

interface Spec {
  kind: ConflictKind;
  /** Exception that carries the place and quantity; without it, args + task lookup. */
  exception: NewException['type'] | null;
  /** No such exception means nothing to do (e.g. an over-pick refusal moved nothing). */
  needsException?: boolean;
  /** Title variant (key suffix) for this code; `named` is used when the other user is known. */
  title: string;
  named?: string;
  /** The count shown is what the command moved, not the exception's quantity. */
  countFromArgs?: boolean;
}

const SPECS: Partial<Record<string, Spec>> = {
  [ErrorCode.LINE_ALREADY_PICKED]: { kind: 'put_back', exception: 'line_already_picked', needsException: true, title: 'title', named: 'title-by' },
  // An over-pick is applied; only its surplus, carried by the exception, goes back.
  [ErrorCode.OVER_PICK]: { kind: 'put_back', exception: 'line_already_picked', needsException: true, title: 'title-over-pick' },
  [ErrorCode.WAVE_CLOSED]: { kind: 'put_back', exception: null, title: 'title-cancelled' },
  [ErrorCode.WAVE_REASSIGNED]: { kind: 'wave_reassigned', exception: 'stale_assignment', title: 'title', named: 'title-to' },
  [ErrorCode.NEGATIVE_STOCK]: { kind: 'negative_stock', exception: 'negative_stock', title: 'title', countFromArgs: true },
  [ErrorCode.TOTE_LEFT_CART]: { kind: 'undo_refused', exception: null, title: 'title-tote-left' },
  [ErrorCode.UNDO_NOT_FOUND]: { kind: 'undo_refused', exception: null, title: 'title' },
  [ErrorCode.UNDO_QTY_MISMATCH]: { kind: 'undo_refused', exception: null, title: 'title' },
  [ErrorCode.UNDO_NOT_YOURS]: { kind: 'undo_refused', exception: null, title: 'title' },
  // ALREADY_UNDONE: the undo is on record already, nothing is left to do.
};

/** The card for a refusal, or null when nothing needs doing or the code has no card. */
export function cardFor(rejection: ConflictRejection, lookups: CardLookups): ConflictCard | null {
  const spec = SPECS[rejection.code];
  if (!spec) return null;
  const { args } = rejection;
  let where: { skuId: string; locationId: string; qty: number } | null = null;
  const exc = spec.exception ? rejection.exceptions?.find((e) => e.type === spec.exception) : undefined;
  if (exc?.skuId && exc.locationId) {
    where = { skuId: exc.skuId, locationId: exc.locationId, qty: spec.countFromArgs ? physicalQty(args) || exc.qty : exc.qty };
  } else if (!spec.needsException) {
    // No exception to read: the place comes from the task the command named.
    const taskId = field(args, 'taskId', 'string');
    const task = taskId ? lookups.task?.(taskId) : null;
    if (task) where = { skuId: task.skuId, locationId: task.locationId, qty: physicalQty(args) };
  }
  // Nothing moved (a short with none found), or nowhere to send the worker: no card.
  if (!where || where.qty <= 0) return null;

  const tote = field(args, 'toteCode', 'string') ?? lookups.toteCode ?? undefined;
  const picker = rejection.otherUserId ? (lookups.userName?.(rejection.otherUserId) ?? undefined) : undefined;
  const base = `pickingConflicts.card.${spec.kind}`;
  const title = picker && spec.named ? spec.named : spec.title;
  const body = spec.kind === 'put_back' && tote ? 'body-from-tote' : 'body';
  const params: CardParams = {
    count: where.qty,
    qty: where.qty,
    sku: lookups.skuName(where.skuId),
    bin: lookups.binCode(where.locationId),
    ...(tote ? { tote } : {}),
    ...(picker ? { picker } : {}),
  };
  const id = cardIdFor(rejection.mutationId);
  return {
    id,
    mutationId: rejection.mutationId,
    kind: spec.kind,
    titleKey: `${base}.${title}`,
    bodyKey: `${base}.${body}`,
    params,
    actionKey: `${base}.action`,
    doneCommand: { name: 'conflict.resolve', args: { cardId: id } },
  };
}
