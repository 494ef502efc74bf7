import { BoardStatsResponse } from '../../domain/board/stats';
import { BoardWavesResponse } from '../../domain/board/waves';
import { errors, json, sessionAuth } from './openapi-shared';

const q = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description });

/** The live board's waves (merged into /api/openapi.json). Rules: docs/board-stats.md, "Waves and current tasks". */
export function boardWavePaths() {
  return {
    '/api/board/waves': {
      get: {
        security: sessionAuth,
        summary: "The lead's board: open waves (and those finished in the window) with progress and an estimated finish, and each person's current task (leads, admins)",
        description:
          "Estimated finish: the assignee's own pick lines per hour over the last `rateMinutes` (at least 5 lines, over at least 5 minutes, from their first line to now), else the floor's rate, else none; a picker's waves are picked one after another, so later ones finish after the one in hand. A bad query is 400 VALIDATION_FAILED.",
        parameters: [
          q('hours', { type: 'integer', minimum: 1, maximum: 24, default: 8 }, 'Waves finished in the last N hours are listed too (the latest 100).'),
          q('rateMinutes', { type: 'integer', minimum: 15, maximum: 240, default: 60 }, 'Look-back of the pick rates behind the estimates and of the last actions.'),
        ],
        responses: { 200: { description: 'waves and people', content: json(BoardWavesResponse) }, ...errors(400, 401, 403) },
      },
    },
    '/api/board/summary': {
      get: {
        security: sessionAuth,
        summary: "The shift's figures as /api/board/stats gives them, without each person's buckets except one's: the live board's reload (leads, admins)",
        description: 'Same query and figures as /api/board/stats; `people[].flows[].buckets` is empty for everyone but `person`. A bad query is 400 VALIDATION_FAILED.',
        parameters: [
          q('hours', { type: 'integer', minimum: 1, maximum: 24, default: 8 }, 'The window: the last N hours up to now.'),
          q('bucketMinutes', { type: 'integer', enum: [15, 30, 60], default: 30 }, 'Chart bucket length.'),
          q('idleMinutes', { type: 'integer', minimum: 1, maximum: 60, default: 5 }, 'A gap longer than this is idle.'),
          q('person', { type: 'string', minLength: 1, maxLength: 64 }, "The user whose own buckets are kept (the board's chart of one person)."),
        ],
        responses: { 200: { description: 'figures', content: json(BoardStatsResponse) }, ...errors(400, 401, 403) },
      },
    },
  };
}
