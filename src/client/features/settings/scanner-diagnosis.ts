import { isPredefinedLength } from '../../../domain/scan/gs1-ai-table';
import type { ScanResult } from '../../../domain/scan/normalise';
import { WEDGE_PROFILES, type BurstInfo, type Terminator, type WedgeProfile } from '../../scan/burst-detector';
import { aimPrefix } from './scan-display';

/**
 * What the "Test your scanner" screen tells the worker to change in the scanner's own
 * settings, from the scans it has seen. Each rule looks at the most recent scan it
 * applies to, so advice goes away as soon as a rescan after the fix comes through clean.
 */
export type AdviceCode = 'SLOW_KEYS' | 'SEPARATOR_LOST' | 'WRONG_TERMINATOR' | 'NO_AIM_PREFIX';

export interface Advice {
  code: AdviceCode;
  /** WRONG_TERMINATOR: what the scanner sends now. */
  terminator?: Exclude<Terminator, 'enter'>;
}

/** A scan as the test screen saw it: the bus's raw text, how it was read, how it arrived (wedge only). */
export interface SeenScan {
  raw: string;
  result: ScanResult;
  /** Absent for camera scans: their timing and suffix say nothing about the scanner's settings. */
  info?: Pick<BurstInfo, 'terminator' | 'gaps'>;
}

export interface DiagnosisInput {
  /** Oldest first. */
  scans: readonly SeenScan[];
  /** Lines ended by Enter/Tab but too slow to count as scans, since the last scan. */
  slowLines: readonly Pick<BurstInfo, 'gaps' | 'keys'>[];
  profile: WedgeProfile;
}

const GS = '\u001d';
/** Share of over-USB-limit gaps that says "Bluetooth" rather than one stalled key. */
const SLOW_SHARE = 0.2;

function gs1Of(result: ScanResult) {
  return result.kind === 'gtin' || result.kind === 'sscc' || result.kind === 'gs1' ? result : null;
}

/** GS1 data with a lost separator: the parser's warning, or a variable field before another with no GS anywhere. */
function separatorLost(scan: SeenScan): boolean {
  const r = gs1Of(scan.result);
  if (!r) return false;
  if (r.warnings.some((w) => w.code === 'GS1_SEPARATOR_MAYBE_LOST')) return true;
  const els = r.gs1?.elements ?? [];
  const needsGs = els.slice(0, -1).some((e) => !isPredefinedLength(e.ai));
  // The bracketed human-readable form "(01)...(10)..." needs no separator.
  const bracketed = scan.raw.slice(aimPrefix(scan.raw)?.length ?? 0).startsWith('(');
  return needsGs && !bracketed && !scan.raw.includes(GS);
}

/** A GS1 label refused for a character GS1 does not allow: usually a substitute Tote was not told about. */
function isBadCharacter(result: ScanResult): boolean {
  return result.kind === 'invalid' && result.code === 'GS1_BAD_CHARACTER';
}

function looksBluetooth(gaps: readonly number[], minShare: number): boolean {
  if (!gaps.length) return false;
  const over = gaps.filter((g) => g > WEDGE_PROFILES.usb.maxGapMs).length;
  const btFast = gaps.filter((g) => g <= WEDGE_PROFILES.bluetooth.maxGapMs).length;
  return over / gaps.length >= minShare && btFast / gaps.length >= 0.5;
}

export function diagnose({ scans, slowLines, profile }: DiagnosisInput): Advice[] {
  const advice: Advice[] = [];
  const wedge = scans.filter((s) => s.info);
  const lastWedge = wedge[wedge.length - 1];

  if (profile === 'usb') {
    // A scanner too slow for the USB profile mostly shows as lines that never became scans.
    const slow = slowLines.some((l) => l.keys >= WEDGE_PROFILES.bluetooth.minLength && looksBluetooth(l.gaps, SLOW_SHARE));
    if (slow || (lastWedge && looksBluetooth(lastWedge.info!.gaps, SLOW_SHARE))) advice.push({ code: 'SLOW_KEYS' });
  }

  const lastGs1 = [...wedge].reverse().find((s) => gs1Of(s.result) || isBadCharacter(s.result));
  if (lastGs1 && (separatorLost(lastGs1) || isBadCharacter(lastGs1.result))) advice.push({ code: 'SEPARATOR_LOST' });

  if (lastWedge) {
    const t = lastWedge.info!.terminator;
    if (t !== 'enter') advice.push({ code: 'WRONG_TERMINATOR', terminator: t });
    if (!aimPrefix(lastWedge.raw)) advice.push({ code: 'NO_AIM_PREFIX' });
  }
  return advice;
}
