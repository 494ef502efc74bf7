import { useTranslation } from 'react-i18next';
import type { Gs1Element, ScanResult } from '../../../domain/scan/normalise';
import { RawChars } from './raw-chars';
import { aimPrefix, symbologyName } from './scan-display';
import type { TestEntry } from './use-scanner-test';

function showValue(el: Gs1Element): string {
  if (typeof el.value === 'object') return el.value.iso;
  return el.unit ? `${el.value} ${el.unit}` : String(el.value);
}

function Parsed({ result }: { result: ScanResult }) {
  const { t } = useTranslation();
  if (result.kind === 'empty') return null;
  const gs1 = result.kind === 'gtin' || result.kind === 'sscc' || result.kind === 'gs1' ? result : null;
  return (
    <>
      <dt>{t('scanner-test.result')}</dt>
      <dd>
        <strong>{t(`scanner-test.kind.${result.kind}`)}</strong>
        {result.kind === 'invalid' && <p className="message message-error">{t(`errors.${result.code}`, { defaultValue: result.code })}</p>}
        {result.kind === 'gtin' && <p>{`${t('scanner-test.gtin14')}: ${result.gtin14}`}</p>}
        {result.kind === 'sscc' && <p>{`${t('scanner-test.sscc')}: ${result.sscc}`}</p>}
        {result.kind === 'code' && <p>{result.text}</p>}
        {gs1?.gs1 && (
          <table className="gs1-table">
            <caption>{t('scanner-test.elements')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scanner-test.ai')}</th>
                <th scope="col">{t('scanner-test.value')}</th>
              </tr>
            </thead>
            <tbody>
              {gs1.gs1.elements.map((el, i) => (
                <tr key={i}>
                  <th scope="row">{`(${el.ai})`}</th>
                  <td>{showValue(el)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {gs1 && gs1.warnings.length > 0 && (
          <ul className="message message-warn" aria-label={t('scanner-test.warnings')}>
            {gs1.warnings.map((w, i) => (
              <li key={i}>
                {t(`errors.${w.code}`, {
                  defaultValue: w.code,
                  field: w.ai ? t(`gs1.ai.${w.ai}`, { ai: w.ai, defaultValue: `(${w.ai})` }) : '',
                  value: w.value ?? '',
                  suspect: w.suspectAi ? t(`gs1.ai.${w.suspectAi}`, { ai: w.suspectAi, defaultValue: `(${w.suspectAi})` }) : '',
                })}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/** One scan on the test screen: exactly what arrived, how, and what Tote made of it. */
export function ScanEntry({ entry }: { entry: TestEntry }) {
  const { t } = useTranslation();
  const { scan, result, trace } = entry;
  const aim = aimPrefix(scan.raw) ?? scan.symbologyId ?? null;
  const name = aim ? (symbologyName(aim) ?? t('scanner-test.unknown-symbology')) : null;
  const rebuilt = trace ? (['altNumpad', 'ctrlBracket', 'gsSubstitute'] as const).filter((k) => trace[k]) : [];
  return (
    <article className="scan-entry" aria-label={[...scan.raw].filter((c) => c >= ' ').join('')}>
      <dl className="scan-facts">
        <dt>{t('scanner-test.raw')}</dt>
        <dd>
          <RawChars raw={scan.raw} terminator={trace?.terminator} />
        </dd>
        <dt>{t('scanner-test.symbology')}</dt>
        <dd>{aim ? `${aim} ${name}` : t('scanner-test.no-aim')}</dd>
        <dt>{t('scanner-test.timing')}</dt>
        <dd>
          {trace
            ? t('scanner-test.timing-value', { keys: trace.keys, total: Math.round(trace.totalMs), max: Math.round(trace.maxGapMs) })
            : t('scanner-test.no-timing')}
          {rebuilt.map((k) => (
            <p key={k} className="hint">
              {t(`scanner-test.rebuilt.${k}`)}
            </p>
          ))}
        </dd>
        {trace && (
          <>
            <dt>{t('scanner-test.terminator')}</dt>
            <dd>{t(`scanner-test.term.${trace.terminator}`)}</dd>
          </>
        )}
        <Parsed result={result} />
      </dl>
    </article>
  );
}
