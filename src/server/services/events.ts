/**
 * In-process fan-out of "something changed" after a commit. One server process is the
 * deployment unit today; several processes on one PostgreSQL would need LISTEN/NOTIFY here.
 */
export class EventHub {
  private readonly listeners = new Set<(version: number) => void>();

  poke(version: number): void {
    for (const l of this.listeners) l(version);
  }

  subscribe(fn: (version: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get size(): number {
    return this.listeners.size;
  }
}
