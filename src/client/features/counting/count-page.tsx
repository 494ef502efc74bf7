import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountTasks } from '../../local/use-count';
import { useSession } from '../../local/use-session';
import { useScan } from '../../scan/use-scan';
import { handleCountScan, submitCount } from './count-actions';
import { useCountSession } from './count-session';
import { CountLines } from './count-lines';
import { CountMessage } from './count-message';
import { LotForm } from './lot-form';

/** Blind counts: choose (or scan) a task's bin, scan every unit in it, submit. The expected quantity is never shown. */
export default function CountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const tasks = useCountTasks(session?.user.id ?? null);
  const { task, atBin, lines, start, clear } = useCountSession();
  const [saving, setSaving] = useState(false);
  const queue = useRef(Promise.resolve());
  useScan((scan) => {
    queue.current = queue.current.then(() => handleCountScan(scan, tasks ?? [])).catch(() => undefined);
  });
  const submit = async () => {
    setSaving(true);
    try {
      await (queue.current = queue.current.then(() => submitCount().then(() => undefined)));
    } finally {
      setSaving(false);
    }
  };
  if (tasks === undefined) return <p className="muted">{t('common.loading', { defaultValue: '…' })}</p>;
  if (!task) {
    return (
      <div className="stack">
        <h1>{t('counting.title')}</h1>
        <CountMessage />
        <p className="prompt">{t('counting.choose')}</p>
        {tasks.length === 0 ? (
          <p className="done" data-testid="count-none">
            {t('counting.none')}
          </p>
        ) : (
          <ul className="cards" aria-label={t('counting.tasks')}>
            {tasks.map((x) => (
              <li key={x.id}>
                <button type="button" className="btn btn-row card" data-testid="count-task" onClick={() => start(x, false)}>
                  <span className="card-title">{x.locationCode}</span>
                  <span>{x.skuCode ? t('counting.task-sku', { code: x.skuCode, name: x.skuName }) : t('counting.task-all')}</span>
                  <span className="muted">{t(`counting.source.${x.source}`)}{x.round > 1 ? ` · ${t('counting.recount', { round: x.round })}` : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="stack" data-testid="count-bin">
      <h1>{t('counting.bin-title', { bin: task.locationCode })}</h1>
      <CountMessage />
      <p className="step" data-testid="count-step" data-step={atBin ? 'units' : 'bin'}>
        {atBin ? (task.skuCode ? t('counting.scan-units-sku', { code: task.skuCode }) : t('counting.scan-units')) : t('counting.scan-bin', { bin: task.locationCode })}
      </p>
      {atBin && <LotForm />}
      {atBin && <CountLines lines={lines} />}
      <div className="row">
        <button type="button" className="btn" onClick={clear}>
          {t('counting.cancel')}
        </button>
        {atBin && (
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void submit()} data-testid="count-submit">
            {lines.length === 0 ? t('counting.submit-empty') : t('counting.submit')}
          </button>
        )}
      </div>
    </div>
  );
}
