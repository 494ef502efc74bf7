import { useTranslation } from 'react-i18next';
import type { Terminator } from '../../scan/burst-detector';
import { rawTokens } from './scan-display';

/** The scan's characters with every control character (and the suffix) as a visible, named token. */
export function RawChars({ raw, terminator }: { raw: string; terminator?: Terminator | undefined }) {
  const { t } = useTranslation();
  return (
    <code className="raw-chars">
      {rawTokens(raw, terminator).map((tok, i) =>
        tok.kind === 'text' ? (
          <span key={i}>{tok.text}</span>
        ) : (
          <span key={i} className={tok.terminator ? 'ctl ctl-term' : 'ctl'}>
            <span aria-hidden="true">{`<${tok.name}>`}</span>
            <span className="visually-hidden">{` ${t(tok.terminator ? 'scanner-test.terminator-token' : 'scanner-test.control', { name: tok.name })} `}</span>
          </span>
        ),
      )}
    </code>
  );
}
