import { countCommand, type BoardAction } from './actions';
import type { PickQuality } from './quality';
import { inWindow, type ShiftWindow } from './rates';

/** One row of the server's mutations log, as the board reads it. */
export interface LoggedCommand {
  userId: string;
  name: string;
  status: 'applied' | 'rejected' | string;
  args: unknown;
  /** When the person did it: the device's clock (ms). */
  at: number;
}

const PICK_LINES = new Set(['pick.confirm', 'pick.short']);

/**
 * Turns the log into board actions and per-picker accuracy counts. Only commands done
 * inside the window count; refusals are never work (but are accuracy), and commands
 * that are not floor work (undo, skip, assignment) never count as an action.
 */
export function tallyCommands(rows: readonly LoggedCommand[], w: ShiftWindow): { actions: BoardAction[]; quality: PickQuality[] } {
  const actions: BoardAction[] = [];
  const quality = new Map<string, PickQuality>();
  const q = (userId: string) => {
    let v = quality.get(userId);
    if (!v) quality.set(userId, (v = { userId, lines: 0, rejected: 0, undone: 0, shorts: 0 }));
    return v;
  };
  for (const r of rows) {
    if (!Number.isFinite(r.at) || !inWindow(w, r.at)) continue;
    if (r.status !== 'applied') {
      if (PICK_LINES.has(r.name)) q(r.userId).rejected++;
      continue;
    }
    if (r.name === 'pick.undo') q(r.userId).undone++;
    if (PICK_LINES.has(r.name)) q(r.userId).lines++;
    if (r.name === 'pick.short') q(r.userId).shorts++;
    const c = countCommand(r.name, r.args);
    if (c) actions.push({ userId: r.userId, at: r.at, ...c });
  }
  return { actions, quality: [...quality.values()].sort((a, b) => a.userId.localeCompare(b.userId)) };
}
