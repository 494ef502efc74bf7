import { describe, expect, it } from 'vitest';
import { compareDevices, isStranded, STRANDED_AFTER_MINUTES, type DeviceView } from './devices';

const now = new Date('2026-11-25T12:00:00.000Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('isStranded', () => {
  it.each([
    { pending: 0, minutes: 600, stranded: false },
    { pending: 1, minutes: STRANDED_AFTER_MINUTES, stranded: false },
    { pending: 1, minutes: STRANDED_AFTER_MINUTES + 0.02, stranded: true },
    { pending: 40, minutes: 1, stranded: false },
    { pending: 40, minutes: 240, stranded: true },
  ])('$pending pending, seen $minutes min ago -> $stranded', ({ pending, minutes, stranded }) => {
    expect(isStranded({ pending, lastSeen: ago(minutes) }, now)).toBe(stranded);
  });

  it('an unreadable last-seen time with work pending counts as stranded', () => {
    expect(isStranded({ pending: 2, lastSeen: 'never' }, now)).toBe(true);
  });
});

describe('compareDevices', () => {
  const view = (id: string, over: Partial<DeviceView>): DeviceView => ({
    id, name: null, user: null, lastSeen: ago(1), appVersion: null, pending: 0, oldestPendingAt: null,
    oldestPendingAgeSec: null, rejectedUnseen: 0, batteryPct: null, reportedAt: null, lastSeq: 0, stranded: false, ...over,
  });

  it('puts stranded devices first, then the most pending work, then the longest silent, then by id', () => {
    const list = [
      view('d-idle-b', {}),
      view('d-busy', { pending: 5 }),
      view('d-locker', { pending: 1, stranded: true, lastSeen: ago(30) }),
      view('d-idle-a', {}),
      view('d-quiet', { lastSeen: ago(20) }),
    ];
    expect(list.sort(compareDevices).map((d) => d.id)).toEqual(['d-locker', 'd-busy', 'd-quiet', 'd-idle-a', 'd-idle-b']);
  });
});
