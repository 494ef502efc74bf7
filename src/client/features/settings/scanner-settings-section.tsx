import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sanitise, useScannerSettings } from '../../local/scanner-settings-store';

/** A substitute must be one character that cannot be GS1 data itself. */
export function validSubstitute(v: string): boolean {
  if (v === '') return true;
  const s = sanitise({ gsSubstitute: v }).gsSubstitute;
  return s === v && !/[\p{L}\p{N}\s]/u.test(v);
}

export function validDedupe(v: string): boolean {
  return /^\d+$/.test(v) && sanitise({ cameraDedupeMs: Number(v) }).cameraDedupeMs === Number(v);
}

/** Device settings for the scanners in the worker's hand; each valid change applies at once. */
export function ScannerSettingsSection() {
  const { t } = useTranslation();
  const { wedgeProfile, gsSubstitute, cameraDedupeMs, update } = useScannerSettings();
  const [sub, setSub] = useState(gsSubstitute ?? '');
  const [dedupe, setDedupe] = useState(String(cameraDedupeMs));
  const subOk = validSubstitute(sub);
  const dedupeOk = validDedupe(dedupe);

  return (
    <section className="stack" aria-labelledby="scanner-settings-title">
      <h2 id="scanner-settings-title">{t('settings.scanner.title')}</h2>
      <fieldset className="stack">
        <legend>{t('settings.scanner.profile')}</legend>
        {(['usb', 'bluetooth'] as const).map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="wedge-profile" value={p} checked={wedgeProfile === p} onChange={() => update({ wedgeProfile: p })} />
            {t(`settings.scanner.profile-${p}`)}
          </label>
        ))}
        <p className="hint">{t('settings.scanner.profile-hint')}</p>
      </fieldset>

      <div className="field">
        <label htmlFor="gs-substitute">{t('settings.scanner.gs-substitute')}</label>
        <input
          id="gs-substitute"
          type="text"
          autoComplete="off"
          maxLength={4}
          value={sub}
          aria-invalid={!subOk}
          aria-describedby={subOk ? 'gs-substitute-hint' : 'gs-substitute-hint gs-substitute-error'}
          onChange={(e) => {
            const v = e.target.value;
            setSub(v);
            if (validSubstitute(v)) update({ gsSubstitute: v === '' ? null : v });
          }}
        />
        <p id="gs-substitute-hint" className="hint">
          {t('settings.scanner.gs-substitute-hint')}
        </p>
        {!subOk && (
          <p id="gs-substitute-error" className="message message-error" role="alert">
            {t('settings.scanner.gs-substitute-invalid')}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor="camera-dedupe">{t('settings.scanner.dedupe')}</label>
        <input
          id="camera-dedupe"
          type="number"
          inputMode="numeric"
          min={0}
          max={10000}
          step={100}
          value={dedupe}
          aria-invalid={!dedupeOk}
          aria-describedby={dedupeOk ? 'camera-dedupe-hint' : 'camera-dedupe-hint camera-dedupe-error'}
          onChange={(e) => {
            const v = e.target.value;
            setDedupe(v);
            if (validDedupe(v)) update({ cameraDedupeMs: Number(v) });
          }}
        />
        <p id="camera-dedupe-hint" className="hint">
          {t('settings.scanner.dedupe-hint')}
        </p>
        {!dedupeOk && (
          <p id="camera-dedupe-error" className="message message-error" role="alert">
            {t('settings.scanner.dedupe-invalid')}
          </p>
        )}
      </div>

      <Link className="btn btn-primary settings-link" to="/settings/scanner">
        {t('settings.scanner.test')}
      </Link>
    </section>
  );
}
