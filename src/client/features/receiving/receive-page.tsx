import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../../../domain/commands';
import type { Location } from '../../../domain/model';
import { hasAnyRole } from '../../../domain/roles';
import { useCurrentDraft, useDock } from '../../local/use-receiving';
import { useSession } from '../../local/use-session';
import { ITEM_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import { DockPicker } from './dock-picker';
import { ReceiptPanel } from './receipt-panel';
import { handleReceiveScan } from './receive-actions';
import { useReceiveSession } from './receive-session';
import { StartPanel } from './start-panel';
import './receiving.css';

// Items, and GS1-128 carton labels and ASN paperwork (Code 128 / QR).
const REQUEST = { formats: [...ITEM_FORMATS, 'qr_code' as const] };

export default function ReceivePage() {
  const { t } = useTranslation();
  const session = useSession();
  const dock = useDock();
  const [choosing, setChoosing] = useState(false);
  if (session === undefined || dock === undefined) return <p className="muted">{t('common.loading', { defaultValue: '…' })}</p>;
  if (!session) return null;
  // The server refuses receipt.close from anyone else: say so before anything is scanned.
  if (!hasAnyRole(session.user.roles, COMMANDS['receipt.close'].roles)) return <p className="message message-warn">{t('receiving.not-allowed')}</p>;
  if (!dock || choosing) return <DockPicker onChosen={() => setChoosing(false)} />;
  return <Dock dock={dock} userId={session.user.id} onChangeDock={() => setChoosing(true)} />;
}

function Dock({ dock, userId, onChangeDock }: { dock: Location; userId: string; onChangeDock: () => void }) {
  const { t } = useTranslation();
  const view = useCurrentDraft(userId);
  const message = useReceiveSession((s) => s.message);
  const ctx = { userId, dockLocationId: dock.id };
  // Scans are judged one after another, in the order they came: each reads the last one's lines.
  const queue = useRef(Promise.resolve());
  useScan((scan) => {
    queue.current = queue.current.then(() => handleReceiveScan(scan, ctx)).catch(() => undefined);
  }, REQUEST);
  useEffect(() => () => useReceiveSession.getState().reset(), []);
  return (
    <div className="stack" data-testid="receive-dock">
      <header className="row">
        <h1>{t('receiving.dock', { dock: dock.code })}</h1>
        <button type="button" className="btn" onClick={onChangeDock} disabled={!!view}>
          {t('receiving.change-dock')}
        </button>
      </header>
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="receive-message">
          {message.text}
        </p>
      )}
      {view === undefined ? null : view ? <ReceiptPanel view={view} userId={userId} /> : <StartPanel ctx={ctx} />}
    </div>
  );
}
