import { CountSettingsPatch } from '../../domain/inventory/count-settings';
import { CountRequestBody, CountRequestResponse, CountSettingsView, PeriodicBody, PeriodicResponse } from './count-tasks';
import { errors, json } from './openapi-shared';

const security = [{ bearer: [] }];

/** Count tasks leads ask for (merged into /api/openapi.json). */
export function countPaths() {
  return {
    '/api/count-tasks': {
      post: {
        security,
        summary: 'Ask for a blind count of a bin, or of one SKU in it (leads, admins)',
        description: '201 with the new task; 200 with the open task that already covers the bin (and SKU). 404 LOCATION_NOT_FOUND or SKU_NOT_FOUND.',
        requestBody: { required: true, content: json(CountRequestBody, 'input') },
        responses: {
          200: { description: 'an open task already covers it', content: json(CountRequestResponse) },
          201: { description: 'the new task (blind: no expected quantity)', content: json(CountRequestResponse) },
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/api/count-settings': {
      get: {
        security,
        summary: "The warehouse's counting settings in force: recount threshold (units and percent) and periodic interval (leads, admins)",
        responses: { 200: { description: 'settings', content: json(CountSettingsView) }, ...errors(401, 403) },
      },
      put: {
        security,
        summary: 'Change some counting settings; those left out keep their value (leads, admins)',
        description: 'A variance posts at once only within both recountUnits and recountPct; beyond either, someone else recounts.',
        requestBody: { required: true, content: json(CountSettingsPatch, 'input') },
        responses: { 200: { description: 'settings now in force', content: json(CountSettingsView) }, ...errors(400, 401, 403) },
      },
    },
    '/api/count-tasks/periodic': {
      post: {
        security,
        summary: "Create the periodic counts that are due: every storage bin of each zone not counted for everyDays (default: the warehouse's setting, 30) (leads, admins)",
        description: 'Bins with an open count are skipped. The server also runs this hourly.',
        requestBody: { required: false, content: json(PeriodicBody.unwrap(), 'input') },
        responses: { 200: { description: 'zones due and tasks created', content: json(PeriodicResponse) }, ...errors(400, 401, 403) },
      },
    },
  };
}
