import { dropoffLocationError } from '../../../domain/commands';
import { ErrorCode } from '../../../domain/errors';
import type { Location, Wave } from '../../../domain/model';
import type { ScanResult } from '../../../domain/scan/normalise';
import { enqueue } from '../../local/outbox';
import type { Feedback } from './pick-flow';

/** Refusals that mean the scan was wrong: nothing is recorded for them. */
const REFUSE = { refuse: [ErrorCode.NOT_A_PACK_BENCH, ErrorCode.WAVE_NOT_DONE] };

export type DropoffResult = { feedback: Feedback; bench: string | null };

/**
 * The wave is done: the picker scans the pack bench where they leave the totes. A label
 * that is not a pack bench (a bin, a tote, an item) gets the error tone and nothing is
 * recorded; a bench records wave.dropoff, named by id and code (see domain/replay.ts).
 * `findLocation` is the device's lookup of a scanned label.
 */
export async function scanDropoff(
  wave: Wave,
  scan: ScanResult,
  findLocation: (code: string) => Promise<Location | undefined>,
): Promise<DropoffResult> {
  const location = scan.kind === 'code' ? await findLocation(scan.text) : undefined;
  const bad = dropoffLocationError(location);
  if (bad || !location) return { feedback: { kind: 'error', code: ErrorCode.NOT_A_PACK_BENCH, key: `errors.${ErrorCode.NOT_A_PACK_BENCH}` }, bench: null };
  const args = { waveId: wave.id, locationId: location.id, locationCode: location.code, assignmentEpoch: wave.assignmentEpoch };
  const r = await enqueue('wave.dropoff', args, REFUSE);
  if (!r.ok) return { feedback: { kind: 'error', code: r.code, key: `errors.${r.code}` }, bench: null };
  return { feedback: { kind: 'success', key: 'pickingDropoff.done', params: { bench: location.code } }, bench: location.code };
}
