import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictCard } from '../../../domain/picking/conflict-card';

/** One card: what happened, what to do with your hands, and a large Done button. */
export function ConflictCardView({ card, onDone, busy }: { card: ConflictCard; onDone: (card: ConflictCard) => void; busy: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  return (
    <article className="conflict-card" aria-labelledby={titleId} data-kind={card.kind} data-card-id={card.id}>
      <h2 id={titleId}>{t(card.titleKey, card.params)}</h2>
      <p id={bodyId} className="conflict-body">
        {t(card.bodyKey, card.params)}
      </p>
      <button type="button" className="btn btn-primary conflict-done" aria-describedby={bodyId} disabled={busy} onClick={() => onDone(card)}>
        {t(card.actionKey, card.params)}
      </button>
    </article>
  );
}
