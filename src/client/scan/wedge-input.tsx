import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { WEDGE_INPUT_ATTR } from './wedge-capture';

/**
 * A visually hidden input that holds focus when nothing else does: some handheld
 * scan engines only deliver keystrokes to a focused field. `inputmode="none"` keeps the
 * soft keyboard away. The document-level listener reads the keys; this input just
 * swallows them.
 */
export function WedgeInput() {
  const ref = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  const location = useLocation();

  useEffect(() => {
    const grab = () => {
      if (document.activeElement === document.body || document.activeElement === null) ref.current?.focus({ preventScroll: true });
    };
    grab();
    const onFocusOut = () => setTimeout(grab, 0);
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, [location.pathname]);

  return (
    <input
      ref={ref}
      {...{ [WEDGE_INPUT_ATTR]: '' }}
      className="visually-hidden"
      inputMode="none"
      autoComplete="off"
      aria-label={t('scan.input')}
      tabIndex={-1}
      value=""
      onChange={() => undefined}
    />
  );
}
