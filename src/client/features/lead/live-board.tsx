import { useTranslation } from 'react-i18next';
import type { LeadPanelProps } from './lead-common';

/** The live board: waves with progress and finish, people, charts (being built; the console shows where it will be). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function LiveBoard({ token, onOffline }: LeadPanelProps) {
  const { t } = useTranslation();
  return <p className="muted">{t('common.loading')}</p>;
}
