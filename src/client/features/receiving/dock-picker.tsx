import { useTranslation } from 'react-i18next';
import { setDock } from '../../local/receiving-drafts';
import { useDocks } from '../../local/use-receiving';
import { BIN_FORMATS } from '../../scan/camera/formats';
import { signal } from '../../scan/feedback';
import { useScan } from '../../scan/use-scan';
import { handleDockScan } from './receive-actions';

const REQUEST = { formats: BIN_FORMATS };

/** Choose the receiving dock this device works at, by its label or from the list; kept on the device. */
export function DockPicker({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation();
  const docks = useDocks();
  useScan((scan) => {
    void handleDockScan(scan).then(onChosen);
  }, REQUEST);
  return (
    <section className="stack" aria-labelledby="dock-title" data-testid="dock-picker">
      <h1 id="dock-title">{t('receiving.choose-dock')}</h1>
      <p className="prompt">{t('receiving.choose-dock-prompt')}</p>
      {docks && docks.length === 0 && <p className="message message-warn">{t('receiving.no-docks')}</p>}
      <ul className="cards">
        {docks?.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="card card-primary"
              onClick={() => {
                void setDock(d.id).then(() => {
                  signal('success', t('receiving.dock-chosen', { dock: d.code }));
                  onChosen();
                });
              }}
            >
              <span className="card-title">{d.code}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
