import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedPick } from '../../local/pick-log';
import { useCodes } from '../../local/use-waves';

interface Props {
  /** The device's recent picks of the wave, newest first. */
  picks: readonly LoggedPick[];
  /** Totes still on the cart; null: every tote of the wave counts as on the cart. */
  onCart: ReadonlySet<string> | null;
  /** `bin` is the bin's code, for telling the picker where the units go back. */
  onUndo: (pick: LoggedPick, bin: string) => void;
  onClose: () => void;
}

/** How many recent picks are offered: undo is for the pick just made, not an audit. */
const SHOWN = 5;

/**
 * The last picks whose tote is still on the cart, each undone only after a confirm
 * dialog: an undo asks the picker to take units back out of a tote.
 */
export function UndoPanel({ picks, onCart, onUndo, onClose }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<LoggedPick | null>(null);
  const shown = picks.filter((p) => onCart === null || onCart.has(p.toteCode)).slice(0, SHOWN);
  const codes = useCodes(
    shown.map((p) => p.locationId),
    shown.map((p) => p.skuId),
  );
  const params = (p: LoggedPick) => ({
    qty: p.qty,
    sku: codes?.skus.get(p.skuId) ?? '?',
    bin: codes?.locations.get(p.locationId) ?? '?',
    tote: p.toteCode,
  });
  return (
    <section className="task-list" aria-labelledby="undo-heading" data-testid="undo-panel">
      <div className="row">
        <h2 id="undo-heading">{t('pickingScreen.undo.title')}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('pickingScreen.undo.none')}</p>
      ) : (
        <ul className="stack">
          {shown.map((p) => (
            <li key={p.mutationId}>
              <button type="button" className="btn btn-row" onClick={() => setAsking(p)}>
                {t('pickingScreen.undo.action', params(p))}
              </button>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <div role="alertdialog" aria-modal="true" aria-labelledby="undo-ask" className="dialog">
          <p id="undo-ask">{t('pickingScreen.undo.confirm', params(asking))}</p>
          <div className="row actions">
            <button type="button" className="btn btn-warn" onClick={() => (setAsking(null), onUndo(asking, params(asking).bin))}>
              {t('pickingScreen.undo.yes')}
            </button>
            <button type="button" className="btn" autoFocus onClick={() => setAsking(null)}>
              {t('pickingScreen.undo.no')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
