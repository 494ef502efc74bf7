import { useTranslation } from 'react-i18next';
import type { Location, PickTask } from '../../../domain/model';

interface Props {
  tasks: readonly PickTask[];
  locations: Map<string, Location>;
  skus: Map<string, { code: string; name: string }>;
  currentId: string | null;
  onPick: (taskId: string) => void;
  onClose: () => void;
}

/** Every task of the wave; an open one can be chosen to pick next (e.g. a blocked aisle). */
export function TaskList({ tasks, locations, skus, currentId, onPick, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <section className="task-list" aria-labelledby="task-list-heading">
      <div className="row">
        <h2 id="task-list-heading">{t('pick.all-tasks')}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ol>
        {tasks.map((task) => {
          const bin = locations.get(task.locationId)?.code ?? '?';
          const sku = skus.get(task.skuId)?.code ?? '?';
          const label = t('pick.task-row', { bin, sku, picked: task.pickedQty, qty: task.qty, status: t(`pick.status.${task.status}`) });
          return (
            <li key={task.id} className={`task-row status-${task.status}`}>
              <button
                type="button"
                className="btn btn-row"
                disabled={task.status !== 'open'}
                aria-current={task.id === currentId ? 'step' : undefined}
                onClick={() => onPick(task.id)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
