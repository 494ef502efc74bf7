import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useScannerSettings } from '../../local/scanner-settings-store';
import { ScanEntry } from './scan-entry';
import { diagnose, type Advice } from './scanner-diagnosis';
import { useScannerTest } from './use-scanner-test';
import './scanner.css';

function AdviceItem({ advice, onBluetooth }: { advice: Advice; onBluetooth: () => void }) {
  const { t } = useTranslation();
  const k = `scanner-test.advice.${advice.code}`;
  const terminator = advice.terminator ? t(`scanner-test.term.${advice.terminator}`) : '';
  return (
    <li className="message message-warn advice" data-advice={advice.code}>
      <strong>{t(`${k}.title`, { terminator })}</strong>
      <p>{t(advice.terminator === 'crlf' ? `${k}.body-crlf` : `${k}.body`)}</p>
      {advice.code === 'SLOW_KEYS' && (
        <button type="button" className="btn" onClick={onBluetooth}>
          {t('scanner-test.switch-bluetooth')}
        </button>
      )}
    </li>
  );
}

/** "Test your scanner": every scan as it arrived, and what to change on the scanner. */
export default function ScannerTestPage() {
  const { t } = useTranslation();
  const profile = useScannerSettings((s) => s.wedgeProfile);
  const update = useScannerSettings((s) => s.update);
  const { entries, slowLines, clear } = useScannerTest();
  const advice = diagnose({
    scans: entries.map((e) => ({ raw: e.scan.raw, result: e.result, ...(e.trace ? { info: e.trace } : {}) })),
    slowLines,
    profile,
  });
  const seenAnything = entries.length > 0 || slowLines.length > 0;

  return (
    <div className="stack">
      <h1>{t('scanner-test.title')}</h1>
      <p>{t('scanner-test.intro')}</p>
      <div className="row">
        <span>{t('scanner-test.profile', { profile: t(`settings.scanner.profile-${profile}`) })}</span>
        <Link className="btn" to="/settings">
          {t('scanner-test.settings')}
        </Link>
      </div>

      <section className="stack" aria-labelledby="advice-title">
        <h2 id="advice-title">{t('scanner-test.advice-title')}</h2>
        <div role="status" aria-live="polite">
          {advice.length > 0 ? (
            <ul className="advice-list">
              {advice.map((a) => (
                <AdviceItem key={a.code} advice={a} onBluetooth={() => update({ wedgeProfile: 'bluetooth' })} />
              ))}
            </ul>
          ) : (
            <p className="muted">{seenAnything ? t('scanner-test.advice-none') : t('scanner-test.empty')}</p>
          )}
        </div>
      </section>

      <section className="stack" aria-labelledby="scans-title">
        <div className="row">
          <h2 id="scans-title">{t('scanner-test.scans')}</h2>
          <button type="button" className="btn" onClick={clear} disabled={entries.length === 0}>
            {t('scanner-test.clear')}
          </button>
        </div>
        {/* Newest first: the scan just made is the one the worker is looking for. */}
        <div role="log" aria-live="polite" aria-labelledby="scans-title">
          <ol className="scan-log">
            {[...entries].reverse().map((e) => (
              <li key={e.id}>
                <ScanEntry entry={e} />
              </li>
            ))}
          </ol>
        </div>
      </section>
    </div>
  );
}
