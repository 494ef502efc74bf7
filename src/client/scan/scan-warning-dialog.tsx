import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanWarningStore } from './scan-warning-store';

const BUTTON = { minHeight: 64, minWidth: 160, fontSize: '1.25rem' } as const;

/**
 * Asks the worker to confirm a scan whose GS1 data may have lost a separator (a lot that
 * seems to hold an expiry date, say) before the screen uses it. A new scan while it is
 * open replaces the held one; "Scan again" drops it.
 */
export function ScanWarningDialog() {
  const { t } = useTranslation();
  const held = useScanWarningStore((s) => s.held);
  const accept = useScanWarningStore((s) => s.accept);
  const rescan = useScanWarningStore((s) => s.rescan);
  const safeRef = useRef<HTMLButtonElement>(null);
  const heldId = held?.id;

  useEffect(() => {
    // Focus the harmless choice: a stray Enter must never accept a doubtful value.
    if (heldId !== undefined) safeRef.current?.focus({ preventScroll: true });
  }, [heldId]);

  if (!held) return null;
  const w = held.warnings[0];
  const aiName = (ai: string | undefined) => (ai ? t(`gs1.ai.${ai}`, { ai, defaultValue: t('gs1.ai-other', { ai }) }) : '');
  const field = aiName(w?.ai);
  const suspect = aiName(w?.suspectAi);

  return (
    <div
      style={{ position: 'fixed', inset: 0, zIndex: 1000, display: 'grid', placeItems: 'center', padding: '1rem', background: 'rgba(0, 0, 0, 0.7)' }}
      data-testid="scan-warning"
    >
      <div
        key={held.id}
        className="message message-warn stack"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="scan-warning-title"
        aria-describedby="scan-warning-text"
        style={{ maxWidth: '36rem', width: '100%' }}
      >
        <h2 id="scan-warning-title">{t('gs1.warning.title')}</h2>
        <p id="scan-warning-text">
          {w?.code ? t(`errors.${w.code}`, { ai: w.ai ?? '', value: w.value ?? '', suspectAi: w.suspectAi ?? '' }) : ''} {t('gs1.warning.hint')}
        </p>
        <dl>
          <dt>{t('gs1.warning.field')}</dt>
          <dd data-testid="scan-warning-ai">{field}</dd>
          <dt>{t('gs1.warning.value')}</dt>
          <dd data-testid="scan-warning-value" style={{ fontFamily: 'monospace', fontSize: '1.4rem', overflowWrap: 'anywhere' }}>
            {w?.value}
          </dd>
          <dt>{t('gs1.warning.suspect')}</dt>
          <dd data-testid="scan-warning-suspect">{suspect}</dd>
        </dl>
        <div className="row">
          <button type="button" className="btn btn-primary" style={BUTTON} onClick={accept}>
            {t('gs1.warning.accept')}
          </button>
          <button type="button" className="btn" style={BUTTON} onClick={rescan} ref={safeRef}>
            {t('gs1.warning.rescan')}
          </button>
        </div>
      </div>
    </div>
  );
}
