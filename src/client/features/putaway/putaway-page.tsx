import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../../../domain/commands';
import { hasAnyRole } from '../../../domain/roles';
import { useSession } from '../../local/use-session';
import { useLocationCodes, useOpenPutawayTasks } from '../../local/use-putaway';
import { useSkuNames } from '../../local/use-receiving';
import { BIN_FORMATS, ITEM_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import { handlePutawayScan, selectTask } from './putaway-actions';
import { usePutawaySession } from './putaway-session';
import { TaskPanel } from './task-panel';
import './putaway.css';

const REQUEST = { formats: [...new Set([...ITEM_FORMATS, ...BIN_FORMATS])] };

export default function PutawayPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session === undefined) return <p className="muted">{t('common.loading', { defaultValue: '…' })}</p>;
  if (!session) return null;
  // The server refuses putaway.confirm from anyone else: say so before anything is scanned.
  if (!hasAnyRole(session.user.roles, COMMANDS['putaway.confirm'].roles)) return <p className="message message-warn">{t('putaway.not-allowed')}</p>;
  return <Putaway />;
}

function Putaway() {
  const { t } = useTranslation();
  const tasks = useOpenPutawayTasks();
  const { taskId, matches, message } = usePutawaySession();
  const names = useSkuNames(tasks?.map((x) => x.skuId) ?? []);
  const locations = useLocationCodes(tasks?.map((x) => x.fromLocationId) ?? []);
  const queue = useRef(Promise.resolve());
  useScan((scan) => {
    queue.current = queue.current.then(() => handlePutawayScan(scan)).catch(() => undefined);
  }, REQUEST);
  useEffect(() => () => usePutawaySession.getState().reset(), []);
  const task = tasks?.find((x) => x.id === taskId) ?? null;
  const shown = (tasks ?? []).filter((x) => !matches || matches.includes(x.id));
  return (
    <div className="stack" data-testid="putaway">
      <h1>{t('home.flow.putaway')}</h1>
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="putaway-message">
          {message.text}
        </p>
      )}
      {task ? (
        <TaskPanel task={task} names={names} from={locations[task.fromLocationId] ?? task.fromLocationId} />
      ) : (
        <>
          <p className="prompt">{t('putaway.scan-item')}</p>
          {tasks && tasks.length === 0 && <p className="muted">{t('putaway.none')}</p>}
          <ul className="putaway-tasks" aria-label={t('putaway.list')} data-testid="putaway-list">
            {shown.map((x) => (
              <li key={x.id}>
                <button type="button" className="btn" onClick={() => selectTask(x.id)}>
                  <span>
                    {names[x.skuId]?.code ?? x.skuId}
                    {x.lot ? ` · ${x.lot}` : ''}
                    {x.condition === 'damaged' ? ` · ${t('putaway.damaged')}` : ''}
                  </span>
                  <span>{t('putaway.row', { count: x.qty, bin: x.suggested?.code ?? '—' })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
