import { useTranslation } from 'react-i18next';
import type { LeadPanelProps } from './lead-common';

/** Exceptions as a work queue, each with its actions and who handled it (being built; the console shows where it will be). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function ExceptionsQueue({ token, onOffline }: LeadPanelProps) {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}
