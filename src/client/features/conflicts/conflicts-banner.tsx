import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useOpenCards } from './use-open-cards';
import './conflicts.css';

/**
 * On every screen, the pick screen too: how many conflict cards are open, linking to
 * them. A status region, never focused, so scans keep going to the wedge input.
 */
export default function ConflictsBanner() {
  const { t } = useTranslation();
  const cards = useOpenCards();
  const onList = useMatch('/conflicts');
  const count = cards?.length ?? 0;
  return (
    <div className="conflicts-banner" role="status" data-testid="conflicts-banner" data-count={count}>
      {count > 0 && !onList && <Link to="/conflicts">{t('conflicts.banner', { count })}</Link>}
    </div>
  );
}
