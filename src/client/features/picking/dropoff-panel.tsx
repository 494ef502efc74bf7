import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Wave } from '../../../domain/model';
import { useLocationCode } from '../../local/use-location-code';

interface Props {
  wave: Wave;
  total: number;
  message: { kind: 'success' | 'error'; text: string } | null;
  undoButton: ReactNode;
}

/**
 * The finished wave: until the totes are dropped, the screen asks for the pack bench
 * (the page's scan handler records it); afterwards it says where they are.
 */
export function DropoffPanel({ wave, total, message, undoButton }: Props) {
  const { t } = useTranslation();
  const bench = useLocationCode(wave.dropoffLocationId ?? null);
  const dropped = Boolean(wave.droppedAt);
  return (
    <div className="done stack" data-testid="wave-done" role="status">
      <h2>{t('pick.done')}</h2>
      <p>{t('pick.done-detail', { total })}</p>
      {dropped ? (
        <p data-testid="dropped">{t('pickingDropoff.dropped', { bench: bench ?? '' })}</p>
      ) : (
        <section className="stack" aria-labelledby="dropoff-title" data-testid="dropoff">
          <h3 id="dropoff-title">{t('pickingDropoff.title')}</h3>
          <p className="prompt">{t('pickingDropoff.prompt')}</p>
        </section>
      )}
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
          {message.text}
        </p>
      )}
      <Link className="btn btn-primary" to="/pick">
        {t('pick.back-to-waves')}
      </Link>
      {!dropped && undoButton}
    </div>
  );
}
