/**
 * The live board's reload pacing. Pokes come for every change on the floor (200
 * handhelds pushing scans), so a reload is asked for far more often than it is worth
 * doing: at most one reload runs at a time, one asked for while it runs is done once
 * after it, and two reloads start at least `gapMs` apart. A lead's own refresh skips
 * the gap (still never two at once). With `everyMs`, a reload also comes that long after
 * the last one ended, pokes or not (a timer, not an interval: a slow reload never piles up).
 */
export interface Refresher {
  /** Asks for a reload; `now` skips the gap (the lead pressed Refresh). */
  request(now?: boolean): void;
  dispose(): void;
}

export interface RefresherOptions {
  gapMs: number;
  everyMs?: number;
  clock?: () => number;
}

export function createRefresher(load: () => Promise<void>, { gapMs, everyMs, clock = () => Date.now() }: RefresherOptions): Refresher {
  let running = false;
  let owed = false;
  let owedNow = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = Infinity;
  let disposed = false;

  /** One timer at a time: the earlier of the one waiting and the one asked for wins. */
  const schedule = (wait: number) => {
    const due = clock() + wait;
    if (timer !== null && timerDue <= due) return;
    if (timer !== null) clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(start, wait);
  };

  const start = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    timerDue = Infinity;
    running = true;
    owed = false;
    owedNow = false;
    lastStart = clock();
    load()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (disposed) return;
        if (owed) request(owedNow);
        else if (everyMs !== undefined) schedule(everyMs);
      });
  };

  function request(now = false) {
    if (disposed) return;
    if (running) {
      owed = true;
      owedNow ||= now;
      return;
    }
    const wait = now ? 0 : lastStart + gapMs - clock();
    if (wait <= 0) return start();
    schedule(wait);
  }

  return {
    request,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
