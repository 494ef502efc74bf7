import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { remainingQty } from '../../../domain/commands';
import { cartReady } from '../../../domain/picking/cart';
import { useRecentPicks } from '../../local/pick-log';
import { useRememberMyWaves, useStalePicksByOthers, useWaveHandover } from '../../local/use-wave-handovers';
import { useSession } from '../../local/use-session';
import { BIN_FORMATS, ITEM_FORMATS, TOTE_FORMATS } from '../../scan/camera/formats';
import type { BarcodeFormat } from '../../scan/decoder/types';
import { useScan } from '../../scan/use-scan';
import { CartSetup } from './cart-setup';
import { CurrentTask } from './current-task';
import { DropoffPanel } from './dropoff-panel';
import { HandoverPanel, StalePicksNote } from './handover-notice';
import { startFlow } from './pick-flow';
import { usePickStore } from './pick-store';
import { QtyForm } from './qty-form';
import { TaskList } from './task-list';
import { UndoPanel } from './undo-panel';
import { useWaveScans } from './use-wave-scans';
import './picking.css';

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

export default function WavePage() {
  const { waveId = '' } = useParams();
  const { t } = useTranslation();
  const saved = usePickStore((s) => s.flows[waveId]);
  const [showList, setShowList] = useState(false);
  const [showUndo, setShowUndo] = useState(false);
  const recent = useRecentPicks(waveId);
  // Scans and buttons are judged and recorded in use-wave-scans.ts; this page only lays out.
  const { detail, message, dispatch, undo, pickTask } = useWaveScans(waveId);

  const wave = detail?.wave ?? null;
  const userId = useSession()?.user.id;
  // A lead gave this wave (or what is left of it) to someone else: say so and stop the picking here.
  const handover = useWaveHandover(userId, waveId);
  const takenAway = !!handover && !!wave;
  useRememberMyWaves(userId, wave ? [wave] : undefined);
  const stale = useStalePicksByOthers(userId)?.[waveId];
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
  useScan((scan) => (takenAway ? undefined : dispatch({ type: 'raw-scan', scan })), { ...(formats ? { formats } : {}), counting: flow?.step === 'item' });

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
      {!takenAway && <StalePicksNote code={wave.code} picks={stale} />}

      {takenAway ? (
        <HandoverPanel h={handover} />
      ) : loading && cart ? (
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
          onUndo={(pick, bin) => undo(pick, bin, () => setShowUndo(false))}
          onClose={() => setShowUndo(false)}
        />
      )}
      {showList && (
        <TaskList
          waveId={waveId}
          currentId={current?.id ?? null}
          onPick={(id) => {
            pickTask(id);
            setShowList(false);
          }}
          onClose={() => setShowList(false)}
        />
      )}
    </div>
  );
}
