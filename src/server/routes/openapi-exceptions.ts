import { ExceptionActionBody } from '../../domain/exceptions/actions';
import { EXCEPTION_TYPES } from '../../domain/model';
import { ExceptionActionResponse, ExceptionListResponse } from './exceptions';
import { errors, json, sessionAuth } from './openapi-shared';

/** The lead's exceptions queue (merged into /api/openapi.json); docs/exceptions.md. */
export function exceptionPaths() {
  return {
    '/api/exceptions': {
      get: {
        security: sessionAuth,
        summary: "The warehouse's exceptions as a work queue (leads, admins)",
        description:
          'status open (default): oldest first, each with the actions it allows. status handled: most recently handled first, with who handled it, how, when, the note and what the action made (handled.action null: closed on the floor by the worker\'s conflict card). Each item carries the SKU, bin, order, wave, who raised it and its age, so a card needs no other call. counters: who assign_count may name.',
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'handled'], default: 'open' } },
          { name: 'type', in: 'query', required: false, description: `one or more of ${EXCEPTION_TYPES.join(', ')}, comma-separated`, schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 200 } },
        ],
        responses: { 200: { description: 'the queue', content: json(ExceptionListResponse) }, ...errors(400, 401, 403) },
      },
    },
    '/api/exceptions/{id}/actions': {
      post: {
        security: sessionAuth,
        summary: 'Handle an exception with one action (leads, admins)',
        description:
          'reallocate (short_pick): new pick tasks for the missing units from other bins, in the same wave while its totes are on the cart, else a new released wave <code>.R<n> to assign; 409 REALLOCATE_NO_STOCK (details: available, needed). accept_short (short_pick, missing_at_pack): the order line records the units it ships without (short_accepted_qty) and the seller gets order.short_accepted; for missing_at_pack the tote\'s tasks lose the units, the ledger takes them out of the tote and the pack hold is released. cancel_line (short_pick): the line is cancelled, its open tasks close, the seller gets order.line_cancelled. assign_count: a blind count of the bin and SKU (the pick bin for missing_at_pack), for userId when given, or the open count there handed to them. resolve: note required; for missing_at_pack releases the pack hold. Every action marks the exception handled (who, when, action, note) in one transaction and pokes devices. 404 EXCEPTION_NOT_FOUND (also another warehouse\'s), USER_NOT_FOUND; 409 EXCEPTION_ALREADY_HANDLED, EXCEPTION_ACTION_NOT_ALLOWED, EXCEPTION_NO_BIN, EXCEPTION_NO_ORDER_LINE, LINE_CANCELLED, NOT_A_COUNTER, ITEM_NOT_IN_TOTE, ORDER_CANCELLED, ORDER_ALREADY_PACKED, ORDER_ALREADY_SHIPPED.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json(ExceptionActionBody, 'input') },
        responses: { 200: { description: 'handled', content: json(ExceptionActionResponse) }, ...errors(400, 401, 403, 404, 409) },
      },
    },
  };
}
