import { useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodes, useWaveTasks } from '../../local/use-waves';

interface Props {
  waveId: string;
  currentId: string | null;
  onPick: (taskId: string) => void;
  onClose: () => void;
}

/** Every row is this tall (56 px button + 6 px gap), so the list can be windowed. */
const ROW = 62;
/** Rows rendered above and below the visible ones, so a flick never shows a gap. */
const OVERSCAN = 10;
/** Bin and SKU codes are read for aligned chunks of rows, not on every scrolled pixel. */
const CHUNK = 50;

/**
 * Every task of the wave; an open one can be chosen to pick next (e.g. a blocked aisle).
 * Windowed: only the rows in view are in the DOM, so a wave of thousands scrolls smoothly.
 */
export function TaskList({ waveId, currentId, onPick, onClose }: Props) {
  const { t } = useTranslation();
  const tasks = useWaveTasks(waveId);
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const frame = useRef<number | null>(null);
  const loaded = tasks !== undefined;

  // Open at the current task, and measure the box once it is there.
  useLayoutEffect(() => {
    const el = box.current;
    if (!loaded || !el) return;
    const i = currentId ? (tasks?.findIndex((x) => x.id === currentId) ?? -1) : -1;
    if (i > 2) el.scrollTop = (i - 2) * ROW;
    setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    // Only when the rows first arrive: later updates must not yank the list back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    });
  };

  const all = tasks ?? [];
  const first = Math.max(0, Math.floor(view.top / ROW) - OVERSCAN);
  const last = Math.min(all.length, Math.ceil((view.top + view.height) / ROW) + OVERSCAN);
  const rows = all.slice(first, last);
  const chunk = all.slice(Math.floor(first / CHUNK) * CHUNK, Math.ceil(last / CHUNK) * CHUNK);
  const codes = useCodes(
    chunk.map((x) => x.locationId),
    chunk.map((x) => x.skuId),
  );

  return (
    <section className="task-list" aria-labelledby="task-list-heading">
      <div className="row">
        <h2 id="task-list-heading">{t('pick.all-tasks')}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div ref={box} className="task-list-scroll" onScroll={onScroll}>
        <ol start={first + 1} style={{ height: all.length * ROW, paddingTop: first * ROW }}>
          {rows.map((task, i) => {
            const bin = codes?.locations.get(task.locationId) ?? '?';
            const sku = codes?.skus.get(task.skuId) ?? '?';
            const label = t('pick.task-row', { bin, sku, picked: task.pickedQty, qty: task.qty, status: t(`pick.status.${task.status}`) });
            return (
              <li key={task.id} className={`task-row status-${task.status}`} aria-posinset={first + i + 1} aria-setsize={all.length}>
                <button
                  type="button"
                  className="btn btn-row"
                  disabled={task.status !== 'open'}
                  aria-current={task.id === currentId ? 'step' : undefined}
                  onClick={() => onPick(task.id)}
                >
                  <span className="task-row-label">{label}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
