import { useTranslation } from 'react-i18next';
import type { Location } from '../../../domain/model';
import { findLocationByCode } from '../../local/lookups';
import { setBench } from '../../local/pack-store';
import { useBenches } from '../../local/use-pack';
import { signal } from '../../scan/feedback';
import { BIN_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';

const REQUEST = { formats: BIN_FORMATS };

/** Choose the bench this device packs at, by its label or from the list; kept on the device. */
export function BenchPicker({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation();
  const benches = useBenches();
  const choose = async (bench: Location) => {
    await setBench(bench.id);
    signal('success', t('packing.bench-chosen', { bench: bench.code }));
    onChosen();
  };
  useScan((scan) => {
    // Looked up at scan time, not in the list on screen: a scan may come before the list has loaded.
    void (async () => {
      const loc = scan.kind === 'code' ? await findLocationByCode(scan.text) : undefined;
      if (loc?.type === 'pack_bench') await choose(loc);
      else signal('error', t('errors.NOT_A_PACK_BENCH'));
    })();
  }, REQUEST);
  return (
    <section className="stack" aria-labelledby="bench-title" data-testid="bench-picker">
      <h1 id="bench-title">{t('packing.choose-bench')}</h1>
      <p className="prompt">{t('packing.choose-bench-prompt')}</p>
      {benches && benches.length === 0 && <p className="message message-warn">{t('packing.no-benches')}</p>}
      <ul className="cards">
        {benches?.map((b) => (
          <li key={b.id}>
            <button type="button" className="card card-primary" onClick={() => void choose(b)}>
              <span className="card-title">{b.code}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
