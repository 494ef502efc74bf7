import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onServerPoke } from '../../sync/pokes';
import { exceptionsApi, type ExceptionItem } from './exceptions-api';
import { ago, type LeadPanelProps } from './lead-common';

/** Pokes come with every push of every handheld: the summary reads the queue at most this often. */
export const SUMMARY_MIN_GAP_MS = 5_000;

export interface QueueSummary {
  open: number;
  oldestSec: number | null;
  byType: { type: string; count: number }[];
}

export function summarise(items: readonly ExceptionItem[]): QueueSummary {
  const byType = new Map<string, number>();
  for (const e of items) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  return {
    open: items.length,
    oldestSec: items.length ? Math.max(...items.map((e) => e.ageSeconds)) : null,
    byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}

/**
 * The exceptions queue in one line on the live board, so a lead watching the board sees
 * work waiting without leaving it; the button opens the queue itself.
 */
export function ExceptionsSummary({ token, onOffline, onOpen }: LeadPanelProps & { onOpen: () => void }) {
  const { t } = useTranslation();
  const api = useMemo(() => exceptionsApi(token), [token]);
  const [summary, setSummary] = useState<QueueSummary | null>(null);
  const last = useRef(0);
  const waiting = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => {
      last.current = Date.now();
      void api.list('open', null).then((r) => {
        if (!live) return;
        // A body without the list (a proxy's page, an older server) shows nothing rather than failing.
        if (r.ok) setSummary(Array.isArray(r.value?.exceptions) ? summarise(r.value.exceptions) : null);
        else if (r.code === 'OFFLINE') onOffline();
      });
    };
    // A burst of pokes gives one read now and at most one more after the gap.
    const poked = () => {
      if (waiting.current) return;
      const wait = Math.max(0, last.current + SUMMARY_MIN_GAP_MS - Date.now());
      waiting.current = setTimeout(() => {
        waiting.current = null;
        load();
      }, wait);
    };
    load();
    const off = onServerPoke(poked);
    return () => {
      live = false;
      off();
      if (waiting.current) clearTimeout(waiting.current);
      waiting.current = null;
    };
  }, [api, onOffline]);

  if (!summary) return null;
  return (
    <section className="row card" aria-labelledby="exc-summary-title" data-testid="exceptions-summary">
      <div className="stack">
        <h2 id="exc-summary-title">{t('lead.summary.exceptions', { count: summary.open })}</h2>
        {summary.open > 0 && (
          <p>
            {t('lead.summary.oldest', { age: ago(t, summary.oldestSec ?? 0) })}
            {' · '}
            {summary.byType
              .slice(0, 4)
              .map((x) => `${t(`lead-exceptions.type.${x.type}`, { defaultValue: x.type })} ${x.count}`)
              .join(' · ')}
          </p>
        )}
      </div>
      <button type="button" className="btn" onClick={onOpen}>
        {t('lead.summary.open-queue')}
      </button>
    </section>
  );
}
