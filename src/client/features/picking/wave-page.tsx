import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { remainingQty } from '../../../domain/commands';
import { cartReady } from '../../../domain/picking/cart';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findLocationByCode, findToteByCode } from '../../local/lookups';
import { saveCart } from '../../local/pick-cart';
import { useRecentPicks, type LoggedPick } from '../../local/pick-log';
import { loadWaveScreen, useToteCodes, useWaveScreen, type JudgedScreen } from '../../local/use-waves';
import { BIN_FORMATS, ITEM_FORMATS, TOTE_FORMATS } from '../../scan/camera/formats';
import type { BarcodeFormat } from '../../scan/decoder/types';
import { signal } from '../../scan/feedback';
import { useScan } from '../../scan/use-scan';
import { scanIntoCart } from './cart-flow';
import { CartSetup } from './cart-setup';
import { CurrentTask } from './current-task';
import { DropoffPanel } from './dropoff-panel';
import { scanDropoff } from './dropoff-flow';
import { startFlow, stepFlow, type FlowContext, type FlowEvent, type Feedback } from './pick-flow';
import { logConfirms, recordAll, recordUndo } from './pick-record';
import { usePickStore } from './pick-store';
import { QtyForm } from './qty-form';
import { TaskList } from './task-list';
import { UndoPanel } from './undo-panel';
import './picking.css';

type Judged = JudgedScreen;

/** What the camera looks for at each step; nothing is expected while typing a short count. */
function stepFormats(step: string | undefined): readonly BarcodeFormat[] | undefined {
  switch (step) {
    case 'bin':
    case 'bench': // the pack bench's label, like a bin's
      return BIN_FORMATS;
    case 'item':
    case 'lot':
      return ITEM_FORMATS;
    case 'tote':
    case 'short-tote':
    case 'cart':
      return TOTE_FORMATS;
    default:
      return undefined;
  }
}

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

export default function WavePage() {
  const { waveId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saved = usePickStore((s) => s.flows[waveId]);
  const selectedId = usePickStore((s) => s.selected[waveId] ?? null);
  const setFlow = usePickStore((s) => s.setFlow);
  const select = usePickStore((s) => s.select);
  const [showList, setShowList] = useState(false);
  const [showUndo, setShowUndo] = useState(false);
  const recent = useRecentPicks(waveId);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  // Bumped after every write this screen makes (and every change of task): a read begun
  // before it may predate the write and is never used to judge a scan.
  const gen = useRef(0);
  const live = useWaveScreen(waveId, selectedId, gen);
  const detail = live?.screen;

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

  const handle = async (ev: FlowEvent | { type: 'raw-scan'; scan: ScanResult }) => {
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

  const undo = (pick: LoggedPick, bin: string) => {
    queue.current = queue.current
      .then(async () => {
        const w = (judged.current ?? (await read())).screen.wave;
        if (!w) return;
        const r = await recordUndo(waveId, pick, w.assignmentEpoch);
        say(r.ok ? { kind: 'success', key: 'pickingScreen.undo.done', params: { bin } } : { kind: 'error', code: r.code, key: `errors.${r.code}` });
        gen.current++;
        judged.current = null;
        setShowUndo(false);
      })
      .catch(() => undefined);
  };

  const dispatch = (ev: FlowEvent | { type: 'raw-scan'; scan: ScanResult }) => {
    queue.current = queue.current.then(() => handle(ev)).catch(() => undefined);
  };

  const wave = detail?.wave ?? null;
  const current = detail?.current ?? null;
  const stop = detail?.stop ?? null;
  const cart = detail?.cart ?? null;
  const loading = cart !== null && !cartReady(cart);
  const flowId = current && stop ? (cart ? stop.key : current.id) : null;
  const flow = flowId ? (saved?.taskId === flowId ? saved : startFlow(flowId)) : null;
  const lot = detail?.stopTasks.find((x) => x.lot)?.lot ?? null;

  // Each step asks the camera for its own formats; at the item step every read is a unit
  // (counting), so a label held in view counts once and must be taken away to count again.
  const atBench = detail !== undefined && wave !== null && !current && !wave.droppedAt;
  const formats = stepFormats(loading ? 'cart' : atBench ? 'bench' : flow?.step);
  useScan((scan) => dispatch({ type: 'raw-scan', scan }), { ...(formats ? { formats } : {}), counting: flow?.step === 'item' });

  if (detail === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!wave) {
    return (
      <div className="stack">
        <h1>{t('pick.not-found')}</h1>
        <Link className="btn" to="/pick">
          {t('pick.back-to-waves')}
        </Link>
      </div>
    );
  }

  const { total, closed, orderTote } = detail;
  const remaining = stop ? stop.openQty : current ? remainingQty(current) : 0;

  // Until the cart leaves, the last picks can be taken back, even once the wave is done.
  const undoButton = (recent?.length ?? 0) > 0 && (
    <button type="button" className="btn" aria-expanded={showUndo} onClick={() => setShowUndo((v) => !v)}>
      {t('pickingScreen.undo.title')}
    </button>
  );

  return (
    <div className="stack wave">
      <div className="row">
        <h1>{t('pick.wave', { code: wave.code })}</h1>
        <p className="progress" aria-label={t('pick.progress-label', { closed, total })}>
          <span data-testid="progress">
            {closed} / {total}
          </span>
        </p>
      </div>
      <progress max={total || 1} value={closed} aria-hidden="true" />

      {loading && cart ? (
        <>
          <CartSetup cart={cart} />
          {message && (
            <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
              {message.text}
            </p>
          )}
        </>
      ) : current && flow && stop ? (
        <>
          <CurrentTask task={current} stop={stop} location={detail.location} sku={detail.sku} flow={flow} orderTote={orderTote} cart={cart} lot={lot} />
          {message && (
            <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
              {message.text}
            </p>
          )}
          {flow.step === 'item' && remaining > 1 && (
            <QtyForm label={t('pick.quantity')} submitLabel={t('pick.set-quantity')} min={1} max={remaining} onSubmit={(n) => dispatch({ type: 'qty', qty: n })} />
          )}
          {flow.step === 'short-qty' && (
            <QtyForm label={t('pick.found')} submitLabel={t('pick.confirm-short')} min={0} max={remaining - 1} autoFocus onSubmit={(n) => dispatch({ type: 'short-qty', found: n })} />
          )}
          <div className="row actions">
            {flow.step === 'short-qty' || flow.step === 'short-tote' ? (
              <button type="button" className="btn" onClick={() => dispatch({ type: 'cancel-short' })}>
                {t('pick.cancel-short')}
              </button>
            ) : (
              <button type="button" className="btn btn-warn" onClick={() => dispatch({ type: 'short' })}>
                {t('pick.short')}
              </button>
            )}
            {(flow.step === 'bin' || flow.step === 'lot' || (flow.step === 'item' && flow.units === 0)) && (
              <button type="button" className="btn" onClick={() => dispatch({ type: 'skip' })}>
                {t('pickingScreen.skip')}
              </button>
            )}
            <button type="button" className="btn" aria-expanded={showList} onClick={() => setShowList((v) => !v)}>
              {t('pick.all-tasks-count', { count: total })}
            </button>
            {undoButton}
          </div>
        </>
      ) : (
        <DropoffPanel wave={wave} total={total} message={message} undoButton={undoButton} />
      )}
      {showUndo && recent && (
        <UndoPanel
          picks={recent}
          onCart={cart ? new Set(cart.flatMap((c) => (c.toteCode ? [c.toteCode] : []))) : null}
          onUndo={undo}
          onClose={() => setShowUndo(false)}
        />
      )}
      {showList && (
        <TaskList
          waveId={waveId}
          currentId={current?.id ?? null}
          onPick={(id) => {
            gen.current++;
            judged.current = null;
            select(waveId, id);
            setShowList(false);
          }}
          onClose={() => setShowList(false)}
        />
      )}
    </div>
  );
}
