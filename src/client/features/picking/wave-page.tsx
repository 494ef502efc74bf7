import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { remainingQty } from '../../../domain/commands';
import type { ScanResult } from '../../../domain/scan/normalise';
import { findToteByCode } from '../../local/lookups';
import { enqueue } from '../../local/outbox';
import { useWaveDetail } from '../../local/use-waves';
import { signal } from '../../scan/feedback';
import { useScan } from '../../scan/use-scan';
import { CurrentTask } from './current-task';
import { startFlow, stepFlow, withClosed, type FlowCommand, type FlowEvent } from './pick-flow';
import { usePickStore } from './pick-store';
import { QtyForm } from './qty-form';
import { TaskList } from './task-list';

function record(cmd: FlowCommand) {
  return cmd.name === 'pick.confirm' ? enqueue('pick.confirm', cmd.args) : enqueue('pick.short', cmd.args);
}

export default function WavePage() {
  const { waveId = '' } = useParams();
  const { t } = useTranslation();
  const detail = useWaveDetail(waveId);
  const saved = usePickStore((s) => s.flows[waveId]);
  const selectedId = usePickStore((s) => s.selected[waveId] ?? null);
  const setFlow = usePickStore((s) => s.setFlow);
  const select = usePickStore((s) => s.select);
  const [showList, setShowList] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const tasks = detail?.tasks ?? [];
  const open = tasks.filter((x) => x.status === 'open');
  const current = open.find((x) => x.id === selectedId) ?? open[0];
  const flow = current ? (saved?.taskId === current.id ? saved : startFlow(current.id)) : null;
  const wave = detail?.wave ?? null;

  // Scanner bursts arrive back to back, faster than React re-renders: every event is
  // handled in order, one at a time, against the state as it is *now* (the store and the
  // latest rows), never against the values captured by an older render.
  const latest = useRef({ detail, current, wave });
  const seenDetail = useRef(detail);
  useEffect(() => {
    // Only a fresh live-query result replaces what the handler predicted; a re-render
    // caused by the handler itself still carries the rows from before its write.
    if (seenDetail.current === detail) return;
    seenDetail.current = detail;
    latest.current = { detail, current, wave };
  });
  const queue = useRef<Promise<void>>(Promise.resolve());

  const handle = async (ev: FlowEvent | { type: 'raw-scan'; scan: ScanResult }) => {
    const { detail: d, current: task, wave: w } = latest.current;
    if (!d || !w || !task) return;
    const savedFlow = usePickStore.getState().flows[waveId];
    const flow = savedFlow?.taskId === task.id ? savedFlow : startFlow(task.id);
    let event: FlowEvent;
    if (ev.type === 'raw-scan') {
      const wantsTote = flow.step === 'tote' || flow.step === 'short-tote';
      const tote = wantsTote && ev.scan.kind === 'code' ? ((await findToteByCode(ev.scan.text))?.code ?? null) : null;
      event = { type: 'scan', scan: ev.scan, tote };
    } else {
      event = ev;
    }
    const ctx = { wave: w, task, location: d.locations.get(task.locationId), sku: d.skus.get(task.skuId), waveTasks: d.tasks };
    const res = stepFlow(flow, event, ctx);
    if (res.command) {
      const result = await record(res.command);
      if (!result.ok) {
        const text = t(`errors.${result.code}`);
        signal('error', text);
        setMessage({ kind: 'error', text });
        return; // nothing was saved: the picker stays on this step and can try again
      }
      select(waveId, null);
      // Until the live query catches up, later scans must see the task as closed.
      const next = withClosed(d, task.id, res.command);
      latest.current = { detail: next, wave: w, current: next.tasks.find((x) => x.status === 'open') };
    }
    setFlow(waveId, res.state);
    if (res.feedback) {
      const text = t(res.feedback.key, res.feedback.params);
      signal(res.feedback.kind, text);
      setMessage({ kind: res.feedback.kind, text });
    }
  };

  const dispatch = (ev: FlowEvent | { type: 'raw-scan'; scan: ScanResult }) => {
    queue.current = queue.current.then(() => handle(ev)).catch(() => undefined);
  };

  useScan((scan) => dispatch({ type: 'raw-scan', scan }));

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

  const closed = tasks.length - open.length;
  const orderTote = current ? (tasks.find((x) => x.orderId === current.orderId && x.toteCode && x.pickedQty > 0)?.toteCode ?? null) : null;
  const remaining = current ? remainingQty(current) : 0;

  return (
    <div className="stack wave">
      <div className="row">
        <h1>{t('pick.wave', { code: wave.code })}</h1>
        <p className="progress" aria-label={t('pick.progress-label', { closed, total: tasks.length })}>
          <span data-testid="progress">
            {closed} / {tasks.length}
          </span>
        </p>
      </div>
      <progress max={tasks.length || 1} value={closed} aria-hidden="true" />

      {current && flow ? (
        <>
          <CurrentTask
            task={current}
            location={detail.locations.get(current.locationId)}
            sku={detail.skus.get(current.skuId)}
            flow={flow}
            orderTote={orderTote}
          />
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
            <button type="button" className="btn" aria-expanded={showList} onClick={() => setShowList((v) => !v)}>
              {t('pick.all-tasks-count', { count: tasks.length })}
            </button>
          </div>
        </>
      ) : (
        <div className="done stack" data-testid="wave-done" role="status">
          <h2>{t('pick.done')}</h2>
          <p>{t('pick.done-detail', { total: tasks.length })}</p>
          <Link className="btn btn-primary" to="/pick">
            {t('pick.back-to-waves')}
          </Link>
        </div>
      )}
      {showList && (
        <TaskList
          tasks={tasks}
          locations={detail.locations}
          skus={detail.skus}
          currentId={current?.id ?? null}
          onPick={(id) => {
            select(waveId, id);
            latest.current = { ...latest.current, current: latest.current.detail?.tasks.find((x) => x.id === id && x.status === 'open') };
            setShowList(false);
          }}
          onClose={() => setShowList(false)}
        />
      )}
    </div>
  );
}
