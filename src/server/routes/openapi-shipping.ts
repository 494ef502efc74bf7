import { z } from 'zod';
import { CloseResponse, CreateManifestBody, ManifestCarton, ManifestDetail, ManifestSummary, ScanBody } from './manifests';
import { CancelResponse, VoidResponse } from './orders';
import { PrinterBody, PrinterResponse, PrintLabelsBody, PrintLabelsResponse } from './print';
import { SellerEventsQuery, SellerEventsResponse } from './seller-events';
import { errors, json, jsonSchema as schema } from './openapi-shared';

const path = (...names: string[]) => names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
const body = (s: z.ZodType) => ({ required: true, content: json(s, 'input') });
const pdf = { 'application/pdf': { schema: { type: 'string', format: 'binary' } } };
const security = [{ bearer: [] }];

/** Printing, dock manifests, order cancel and the seller feed (merged into /api/openapi.json). */
export function shippingPaths() {
  const listParams = [{ name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'closed'] } }];
  const feedParams = Object.entries((schema(SellerEventsQuery, 'input').properties ?? {}) as Record<string, unknown>).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }));
  return {
    '/api/locations/{id}/printer': {
      put: {
        security,
        summary: "Set or clear a pack bench's label printer, host[:port] (leads)",
        parameters: path('id'),
        requestBody: body(PrinterBody),
        responses: { 200: { description: 'set', content: json(PrinterResponse) }, ...errors(400, 401, 403, 404, 422) },
      },
    },
    '/api/print/labels': {
      post: {
        security,
        summary: "Print a shipment's labels (or one carton's) as ZPL on the bench printer, raw TCP",
        description: 'A printer that refuses or does not take the job within the timeout answers 424 PRINTER_UNREACHABLE or PRINTER_TIMEOUT.',
        requestBody: body(PrintLabelsBody),
        responses: { 200: { description: 'printed', content: json(PrintLabelsResponse) }, ...errors(400, 401, 403, 404, 409, 424) },
      },
    },
    '/api/shipments/{id}/labels.zpl': {
      get: { security, summary: "A shipment's labels as ZPL", parameters: path('id'), responses: { 200: { description: 'ZPL', content: { 'text/plain': {} } }, ...errors(401, 403, 404, 409) } },
    },
    '/api/shipments/{id}/labels.pdf': {
      get: { security, summary: "A shipment's labels as a 4x6 in PDF", parameters: path('id'), responses: { 200: { description: 'PDF', content: pdf }, ...errors(401, 403, 404, 409) } },
    },
    '/api/shipments/{id}/void': {
      post: {
        security,
        summary: "Void a shipment's labels with the carrier while it has not shipped (leads)",
        parameters: path('id'),
        responses: { 200: { description: 'voided', content: json(VoidResponse) }, ...errors(400, 401, 403, 404, 409, 424) },
      },
    },
    '/api/orders/{id}/cancel': {
      post: {
        security,
        summary: 'Upstream cancellation of an order not yet shipped (leads)',
        parameters: path('id'),
        responses: { 200: { description: 'cancelled', content: json(CancelResponse) }, ...errors(400, 401, 403, 404, 409, 424) },
      },
    },
    '/api/manifests': {
      get: { security, summary: 'Manifests, newest first', parameters: listParams, responses: { 200: { description: 'list', content: json(z.object({ manifests: z.array(ManifestSummary) })) }, ...errors(400, 401, 403) } },
      post: {
        security,
        summary: "Open a carrier's manifest at a shipping dock",
        requestBody: body(CreateManifestBody),
        responses: { 201: { description: 'opened', content: json(z.object({ manifest: ManifestSummary })) }, ...errors(400, 401, 403, 422) },
      },
    },
    '/api/manifests/{id}': {
      get: { security, summary: 'A manifest with its cartons', parameters: path('id'), responses: { 200: { description: 'manifest', content: json(ManifestDetail) }, ...errors(401, 403, 404) } },
    },
    '/api/manifests/{id}/cartons': {
      post: {
        security,
        summary: 'Scan a carton (SSCC in any GS1 form, or tracking number) onto an open manifest',
        parameters: path('id'),
        requestBody: body(ScanBody),
        responses: { 201: { description: 'added', content: json(z.object({ manifest: ManifestSummary, carton: ManifestCarton })) }, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    '/api/manifests/{id}/cartons/{cartonId}': {
      delete: {
        security,
        summary: 'Take a carton off an open manifest',
        parameters: path('id', 'cartonId'),
        responses: { 200: { description: 'removed', content: json(z.object({ manifest: ManifestSummary })) }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/manifests/{id}/close': {
      post: {
        security,
        summary: 'Close the manifest: its orders ship, once, with an order.shipped seller event each',
        parameters: path('id'),
        responses: { 200: { description: 'closed', content: json(CloseResponse) }, ...errors(400, 401, 403, 404, 409, 424) },
      },
    },
    '/api/manifests/{id}/manifest.pdf': {
      get: { security, summary: 'The manifest as an A4 PDF for the driver to sign', parameters: path('id'), responses: { 200: { description: 'PDF', content: pdf }, ...errors(401, 403, 404) } },
    },
    '/api/seller-events': {
      get: {
        security,
        summary: 'Seller event feed after a version cursor (leads; sellers get a keyed feed later)',
        parameters: feedParams,
        responses: { 200: { description: 'events', content: json(SellerEventsResponse) }, ...errors(400, 401, 403) },
      },
    },
  };
}
