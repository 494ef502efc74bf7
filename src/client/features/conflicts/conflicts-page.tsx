import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConflictCard } from '../../../domain/picking/conflict-card';
import { resolveConflictCard } from '../../local/resolve-conflict';
import { ConflictCardView } from './conflict-card-view';
import { useConflictsStore } from './conflicts-store';
import { useOpenCards } from './use-open-cards';
import './conflicts.css';

/** The picker's conflict cards, oldest first; Done records conflict.resolve through the outbox. */
export default function ConflictsPage() {
  const { t } = useTranslation();
  const cards = useOpenCards();
  const { markDone, undoMark } = useConflictsStore();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const done = async (card: ConflictCard) => {
    setBusy(card.id);
    setError(null);
    // Hidden at once; shown again only if the device could not record it.
    markDone(card.id);
    const res = await resolveConflictCard(card);
    setBusy(null);
    if (!res.ok) {
      undoMark(card.id);
      setError(t(`errors.${res.code}`, { defaultValue: res.message }));
    }
  };

  return (
    <section className="stack" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {cards === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : cards.length === 0 ? (
        <p className="message message-success">{t('conflicts.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('conflicts.intro')}</p>
          <ul className="cards" aria-label={t('conflicts.list', { count: cards.length })}>
            {cards.map((card) => (
              <li key={card.id}>
                <ConflictCardView card={card} busy={busy === card.id} onDone={(c) => void done(c)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Link className="btn" to="/pick">
        {t('conflicts.back')}
      </Link>
    </section>
  );
}
