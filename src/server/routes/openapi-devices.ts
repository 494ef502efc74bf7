import { DevicesResponse, HeartbeatBody, HeartbeatResponse, STRANDED_AFTER_MINUTES } from '../../domain/devices';
import { errors, json, sessionAuth } from './openapi-shared';

/** Device reports and the lead's device list (merged into /api/openapi.json). */
export function devicePaths() {
  return {
    '/api/devices/heartbeat': {
      post: {
        security: sessionAuth,
        summary: "This device's report: commands still waiting, the oldest of them, refusals not looked at, app version",
        description: 'The device is the session\'s. Replaces its last report and refreshes last seen. A bad report is 400 VALIDATION_FAILED and changes nothing.',
        requestBody: { required: true, content: json(HeartbeatBody, 'input') },
        responses: { 200: { description: 'recorded', content: json(HeartbeatResponse) }, ...errors(400, 401, 403) },
      },
    },
    '/api/devices': {
      get: {
        security: sessionAuth,
        summary: "Every device of the warehouse with its last report (leads, admins)",
        description: `stranded: commands still waiting and not seen for more than ${STRANDED_AFTER_MINUTES} minutes. Stranded devices come first, then the most pending work.`,
        responses: { 200: { description: 'devices', content: json(DevicesResponse) }, ...errors(401, 403) },
      },
    },
  };
}
