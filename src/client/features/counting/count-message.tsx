import { useScanMessage } from '../../local/use-scan-message';

/** The last answer of the count screen, readable until the next scan. */
export function CountMessage() {
  const m = useScanMessage();
  if (!m) return null;
  return (
    <p className={`message message-${m.kind}`} data-testid="count-message" data-kind={m.kind}>
      {m.message}
    </p>
  );
}
