import { z } from 'zod';
import { EXCEPTION_TYPES } from '../model';

/**
 * The lead's exceptions work queue (issue 7, docs/exceptions.md): which actions each
 * exception type allows and the request body of each. Every action handles the
 * exception (status `resolved`, who, when, how); `plan.ts` says what else it does.
 */

export type ExceptionType = (typeof EXCEPTION_TYPES)[number];

export const EXCEPTION_ACTIONS = ['reallocate', 'accept_short', 'cancel_line', 'assign_count', 'resolve'] as const;
export type ExceptionAction = (typeof EXCEPTION_ACTIONS)[number];

/**
 * Per type, in the order the console offers them (the usual fix first). Why each:
 * - short_pick: units no bin could supply; stock may have arrived since (reallocate), the
 *   order may ship without them (accept_short) or lose the line (cancel_line), the bin
 *   may be wrong (assign_count).
 * - missing_at_pack: the tote lacks units the pick recorded; ship without them
 *   (accept_short) or they turned up (resolve releases the hold); the pick bin may be
 *   wrong (assign_count). Re-picking into a second tote is not offered: packing packs
 *   an order from one tote.
 * - negative_stock, damaged_stock, line_already_picked, undo_refused: a bin to check.
 * - stale_assignment, order_cancelled, weight_override: nothing to change, acknowledge.
 */
export const ALLOWED_ACTIONS: Readonly<Record<ExceptionType, readonly ExceptionAction[]>> = {
  short_pick: ['reallocate', 'accept_short', 'cancel_line', 'assign_count', 'resolve'],
  missing_at_pack: ['accept_short', 'assign_count', 'resolve'],
  negative_stock: ['assign_count', 'resolve'],
  damaged_stock: ['assign_count', 'resolve'],
  line_already_picked: ['assign_count', 'resolve'],
  undo_refused: ['assign_count', 'resolve'],
  stale_assignment: ['resolve'],
  order_cancelled: ['resolve'],
  weight_override: ['resolve'],
};

export function allowedActions(type: string): readonly ExceptionAction[] {
  return (ALLOWED_ACTIONS as Record<string, readonly ExceptionAction[]>)[type] ?? ['resolve'];
}

const Note = z.string().trim().min(1).max(500);
const UserId = z.string().regex(/^[\x21-\x7e]{1,64}$/);

/** `POST /api/exceptions/:id/actions`: the action and its parameters. */
export const ExceptionActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reallocate'), note: Note.optional() }),
  z.strictObject({ action: z.literal('accept_short'), note: Note.optional() }),
  z.strictObject({ action: z.literal('cancel_line'), note: Note.optional() }),
  z.strictObject({ action: z.literal('assign_count'), userId: UserId.optional(), note: Note.optional() }),
  // Acknowledging changes nothing else, so the note is what the next shift reads.
  z.strictObject({ action: z.literal('resolve'), note: Note }),
]);
export type ExceptionActionBody = z.infer<typeof ExceptionActionBody>;

/** `GET /api/exceptions` query. `type` may name several types, comma-separated. */
export const ExceptionListQuery = z.strictObject({
  status: z.enum(['open', 'handled']).default('open'),
  type: z
    .string()
    .max(300)
    .transform((s) => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(EXCEPTION_TYPES)).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ExceptionListQuery = z.infer<typeof ExceptionListQuery>;
