import { BoardStatsResponse } from '../../domain/board/stats';
import { errors, json, sessionAuth } from './openapi-shared';

const q = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });

/** The live board's figures (merged into /api/openapi.json). Definitions: docs/board-stats.md. */
export function boardPaths() {
  return {
    '/api/board/stats': {
      get: {
        security: sessionAuth,
        summary: "The shift's figures for the lead's board: rates per person and flow, idle time, order cycle time, accuracy (leads, admins)",
        description:
          'Computed from the commands the server applied or refused, by device time, in the last `hours` hours. Idle time: gaps between one person\'s consecutive actions longer than `idleMinutes`, summed whole. Accuracy: pick commands refused plus picks undone, per 100 pick lines. A bad query is 400 VALIDATION_FAILED.',
        parameters: [
          q('hours', { type: 'integer', minimum: 1, maximum: 24, default: 8 }, 'The window: the last N hours up to now.'),
          q('bucketMinutes', { type: 'integer', enum: [15, 30, 60], default: 30 }, 'Chart bucket length.'),
          q('idleMinutes', { type: 'integer', minimum: 1, maximum: 60, default: 5 }, 'A gap longer than this is idle.'),
        ],
        responses: { 200: { description: 'figures', content: json(BoardStatsResponse) }, ...errors(400, 401, 403) },
      },
    },
  };
}
