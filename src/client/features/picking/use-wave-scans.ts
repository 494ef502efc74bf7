import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cartReady } from '../../../domain/picking/cart';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findLocationByCode, findToteByCode } from '../../local/lookups';
import { saveCart } from '../../local/pick-cart';
import type { LoggedPick } from '../../local/pick-log';
import { loadWaveScreen, useToteCodes, useWaveScreen, type JudgedScreen } from '../../local/use-waves';
import { signal } from '../../scan/feedback';
import { scanIntoCart } from './cart-flow';
import { scanDropoff } from './dropoff-flow';
import { startFlow, stepFlow, type FlowContext, type FlowEvent, type Feedback } from './pick-flow';
import { logConfirms, recordAll, recordUndo } from './pick-record';
import { usePickStore } from './pick-store';

/**
 * The wave screen's scan handling (wave-page.tsx renders what it reads): every event,
 * scan or button, is judged against the rows as they are now and recorded in order.
 * A hook of its own so the page is only layout, and the ordering rules below sit in
 * one place.
 */

type Judged = JudgedScreen;
export type WaveEvent = FlowEvent | { type: 'raw-scan'; scan: ScanResult };

/** Resolves after the next frame is painted (or soon, where frames are not drawn). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
      requestAnimationFrame(done);
    } else {
      done();
    }
  });
}

export function useWaveScans(waveId: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const selectedId = usePickStore((s) => s.selected[waveId] ?? null);
  const setFlow = usePickStore((s) => s.setFlow);
  const select = usePickStore((s) => s.select);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  // Bumped after every write this screen makes (and every change of task): a read begun
  // before it may predate the write and is never used to judge a scan.
  const gen = useRef(0);
  const live = useWaveScreen(waveId, selectedId, gen);

  // Scanner bursts arrive back to back, faster than React re-renders: every event is
  // handled in order, one at a time, against the rows as they are *now*: the handler's
  // own read after its last write, or a live-query result read after that write.
  const judged = useRef<Judged | null>(null);
  useEffect(() => {
    if (live && live.gen === gen.current) judged.current = live;
  }, [live]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const read = async (): Promise<Judged> => {
    const g = gen.current;
    const screen = await loadWaveScreen(waveId, usePickStore.getState().selected[waveId] ?? null);
    const next = { gen: g, screen };
    if (g === gen.current) judged.current = next;
    return next;
  };

  const toteCodes = useToteCodes();
  const totes = useRef(toteCodes);
  useEffect(() => {
    totes.current = toteCodes;
  }, [toteCodes]);
  const canonicalTote = async (scanned: string): Promise<string | null> => {
    const known = totes.current;
    if (known) return known.get(scanned.trim().toUpperCase()) ?? null;
    return (await findToteByCode(scanned))?.code ?? null; // before the codes are loaded
  };

  const say = (fb: Feedback) => {
    const text = t(fb.key, fb.params);
    signal(fb.kind, text);
    setMessage({ kind: fb.kind, text });
  };

  const handle = async (ev: WaveEvent) => {
    const j = judged.current && judged.current.gen === gen.current ? judged.current : await read();
    const { wave: w, current: task, location, sku, stop, stopTasks, cart, inUse } = j.screen;
    if (!w) return;
    // A cluster cart is loaded, one tote per slot, before the first stop.
    if (cart && !cartReady(cart)) {
      if (ev.type !== 'raw-scan') return;
      const tote = ev.scan.kind === 'code' ? await canonicalTote(ev.scan.text) : null;
      const res = scanIntoCart(cart, ev.scan, tote, inUse);
      if (res.changed) {
        await saveCart(waveId, res.slots);
        gen.current++;
        judged.current = null;
      }
      say(res.feedback);
      return;
    }
    if (!task) {
      // Every line is picked or short: the next scan is the pack bench the totes go to.
      if (ev.type !== 'raw-scan' || w.droppedAt) return;
      const r = await scanDropoff(w, ev.scan, findLocationByCode);
      say(r.feedback);
      if (r.bench) navigate('/pick', { state: { notice: t(r.feedback.key, r.feedback.params) } });
      return;
    }
    if (!stop) return;
    const flowId = cart ? stop.key : task.id;
    const savedFlow = usePickStore.getState().flows[waveId];
    const flow = savedFlow?.taskId === flowId ? savedFlow : startFlow(flowId);
    let event: FlowEvent;
    if (ev.type === 'raw-scan') {
      const wantsTote = flow.step === 'tote' || flow.step === 'short-tote';
      const tote = wantsTote && ev.scan.kind === 'code' ? await canonicalTote(ev.scan.text) : null;
      event = { type: 'scan', scan: ev.scan, tote };
    } else {
      event = ev;
    }
    const lotTask = stopTasks.find((x) => x.lot);
    // No tasks to check a free tote against here: `recordAll` refuses a tote in use atomically.
    const ctx: FlowContext = {
      wave: w, task, location, sku, waveTasks: [], stop, cart,
      lot: lotTask?.lot ? { lot: lotTask.lot, expiry: lotTask.expiry } : null,
      today: new Date().toISOString().slice(0, 10),
    };
    const res = stepFlow(flow, event, ctx);
    let logged: readonly number[] = [];
    if (res.commands.length) {
      const result = await recordAll(res.commands);
      if (!result.ok) {
        // A refusal is the answer a wrong scan gets: error, same step, nothing saved.
        say({ kind: 'error', code: result.code, key: result.refused ? `pick.err.${result.code}` : `errors.${result.code}`, params: { tote: result.tote } });
        return;
      }
      logged = result.confirmSeqs;
      gen.current++;
      judged.current = null;
      // Still putting a merged stop's units away: stay on it.
      if (!res.state.puts?.length) select(waveId, null);
    }
    setFlow(waveId, res.state);
    if (res.feedback) say(res.feedback);
    // Once the beep's frame is painted, read the next stop, so the next scan need not.
    if (res.commands.length) {
      await afterPaint();
      await logConfirms(logged);
      await read();
    }
  };

  /** Takes a logged pick back, in the same queue as the scans; `done` runs once it is answered. */
  const undo = (pick: LoggedPick, bin: string, done: () => void) => {
    queue.current = queue.current
      .then(async () => {
        const w = (judged.current ?? (await read())).screen.wave;
        if (!w) return;
        const r = await recordUndo(waveId, pick, w.assignmentEpoch);
        say(r.ok ? { kind: 'success', key: 'pickingScreen.undo.done', params: { bin } } : { kind: 'error', code: r.code, key: `errors.${r.code}` });
        gen.current++;
        judged.current = null;
        done();
      })
      .catch(() => undefined);
  };

  const dispatch = (ev: WaveEvent) => {
    queue.current = queue.current.then(() => handle(ev)).catch(() => undefined);
  };

  /** Another task chosen from the list: reads begun before it must not judge a scan. */
  const pickTask = (id: string) => {
    gen.current++;
    judged.current = null;
    select(waveId, id);
  };

  return { detail: live?.screen, message, dispatch, undo, pickTask };
}
