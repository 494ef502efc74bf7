import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupCandidate } from '../../../domain/inventory/lookup';
import type { ScanResult } from '../../../domain/scan/normalise';
import { lookupDetail, lookupScan, type LookupAnswer, type LookupDetail } from '../../local/lookup-repo';
import { signal } from '../../scan/feedback';
import { useScan } from '../../scan/use-scan';
import { CodeForm } from '../../ui/code-form';
import { DetailView } from './lookup-detail';
import './lookup.css';

/** Scan anything (or type it) and see what it is and where things are. */
export default function LookupPage() {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<LookupAnswer | null>(null);
  const [chosen, setChosen] = useState<LookupDetail | null>(null);
  // Scans are answered in the order they came: a slow answer never overwrites a later one.
  const queue = useRef(Promise.resolve());
  const run = (raw: string | ScanResult) => {
    queue.current = queue.current
      .then(async () => {
        const a = await lookupScan(raw);
        setChosen(null);
        setAnswer(a);
        const r = a.result;
        if (r.kind === 'found' || r.kind === 'ambiguous') signal('success', t(r.kind === 'found' ? `lookup.kind.${r.candidate.kind}` : 'lookup.ambiguous'));
        else signal('error', r.kind === 'invalid' ? t(`errors.${r.code}`, { defaultValue: t('lookup.unknown', { text: '' }) }) : t('lookup.unknown', { text: r.kind === 'unknown' ? r.text : '' }));
      })
      .catch(() => undefined);
  };
  useScan((scan) => run(scan));
  const choose = async (c: LookupCandidate) => setChosen(await lookupDetail(c));
  const detail = chosen ?? answer?.detail ?? null;
  return (
    <div className="stack lookup">
      <h1>{t('lookup.title')}</h1>
      <p className="prompt">{t('lookup.prompt')}</p>
      <CodeForm label={t('lookup.entry-label')} submitLabel={t('lookup.entry-submit')} onSubmit={run} />
      {answer && (
        <section
          className="stack"
          aria-live="polite"
          aria-label={t('lookup.result')}
          data-testid="lookup-result"
          data-lookup-ms={answer.ms.toFixed(2)}
          data-kind={detail?.kind ?? answer.result.kind}
        >
          {answer.result.kind === 'unknown' && <p className="message message-error">{t('lookup.unknown', { text: answer.result.text })}</p>}
          {answer.result.kind === 'invalid' && <p className="message message-error">{t(`errors.${answer.result.code}`, { defaultValue: answer.result.code })}</p>}
          {answer.result.kind === 'ambiguous' && (
            <div className="stack">
              <p className="message message-warn">{t('lookup.ambiguous')}</p>
              <ul className="stack lookup-choices">
                {answer.result.candidates.map((c) => (
                  <li key={`${c.kind}:${c.id}`}>
                    <button type="button" className="btn btn-row" onClick={() => void choose(c)}>
                      {t('lookup.candidate', { kind: t(`lookup.kind.${c.kind}`), code: answer.labels[`${c.kind}:${c.id}`] ?? '' })}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {detail && <DetailView detail={detail} />}
        </section>
      )}
    </div>
  );
}
