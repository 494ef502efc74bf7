import { errors, json, sessionAuth } from './openapi-shared';
import { AssignBody, AssignResponse, CancelLinesBody, CancelLinesResponse, HoldBody, LeadOrderResponse, PriorityBody, ReassignBody, ReassignResponse } from './lead-waves';

const op = (summary: string, description: string, body: Parameters<typeof json>[0], response: Parameters<typeof json>[0], required = true) => ({
  post: {
    security: sessionAuth,
    summary,
    description,
    requestBody: { required, content: json(body, 'input') },
    responses: { 200: { description: 'done', content: json(response) }, ...errors(400, 401, 403, 404, 409) },
  },
});

/** The lead's wave and order actions (merged into /api/openapi.json); docs/lead-actions.md. */
export function leadPaths() {
  return {
    '/api/waves/{id}/assign': op(
      'Give a wave nobody holds to a picker (leads, admins)',
      'Bumps the assignment epoch; devices are poked. 404 WAVE_NOT_FOUND, USER_NOT_FOUND; 409 WAVE_CLOSED, WAVE_ALREADY_ASSIGNED, NOT_A_PICKER.',
      AssignBody,
      AssignResponse,
    ),
    '/api/waves/{id}/reassign': op(
      'Move a wave, or only its open tasks, to another picker (leads, admins)',
      "scope wave: the whole wave. scope remaining: the open tasks stay in this wave for the new picker; the finished ones move to a new done wave (code <wave>.<epoch>) that stays with the old picker. The epoch is bumped either way; a stale pick of a line still open is accepted and attributed to who did it (note WAVE_REASSIGNED), a line picked since is LINE_ALREADY_PICKED. 409 WAVE_CLOSED, WAVE_NOT_ASSIGNED, ALREADY_ASSIGNEE, WAVE_NOTHING_OPEN, NOT_A_PICKER.",
      ReassignBody,
      ReassignResponse,
    ),
    '/api/orders/{id}/cancel-lines': op(
      "Cancel an order's remaining (unpicked) lines, all or lineNos (leads, admins)",
      'Open pick tasks close as short; picked units stay and the order goes on with them, or is cancelled when nothing was picked and no line is left. 404 ORDER_NOT_FOUND, ORDER_LINE_NOT_FOUND; 409 ORDER_NOTHING_TO_CANCEL, ORDER_CANCELLED, ORDER_ALREADY_PACKED, ORDER_ALREADY_SHIPPED.',
      CancelLinesBody,
      CancelLinesResponse,
      false,
    ),
    '/api/orders/{id}/hold': op(
      'Put an order on hold or release the hold (leads, admins)',
      'Held orders have status on_hold and leave wave planning; the release restores the status the hold put aside. A repeat writes nothing. 409 ORDER_HELD_AT_PACK (held at pack for missing items), ORDER_CANCELLED, ORDER_ALREADY_PACKED, ORDER_ALREADY_SHIPPED.',
      HoldBody,
      LeadOrderResponse,
    ),
    '/api/orders/{id}/priority': op(
      "Set an order's priority: normal, high or urgent (leads, admins)",
      'Stored; wave planning does not order by it yet. A repeat writes nothing.',
      PriorityBody,
      LeadOrderResponse,
    ),
  };
}
