import type { Structure } from './structure';

/**
 * Changes of processes held back from the structure until it is next evaluated. A lone outage
 * that no failover group sees takes its journey errors from a table, so its start and end need
 * not touch the structure at all when nothing else happens meanwhile; they cancel out here.
 * The order of the held changes does not matter: the structure's state, and the marks that say
 * what to recompute, depend only on which processes are down.
 */
export class DeferredChanges {
  private readonly delta: Int32Array;
  private readonly listed: Uint8Array;
  private readonly list: Int32Array;
  private size = 0;

  constructor(processes: number) {
    this.delta = new Int32Array(processes);
    this.listed = new Uint8Array(processes);
    this.list = new Int32Array(processes);
  }

  /** Holds back `delta` down intervals of process p. */
  add(p: number, delta: number): void {
    if (this.listed[p] === 0) {
      this.listed[p] = 1;
      this.list[this.size++] = p;
    }
    this.delta[p] += delta;
  }

  /** Applies the held changes that did not cancel out, and forgets them. */
  applyTo(structure: Structure): void {
    for (let k = 0; k < this.size; k++) {
      const p = this.list[k];
      if (this.delta[p] !== 0) structure.change(p, this.delta[p]);
    }
    this.clear();
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) {
      const p = this.list[k];
      this.delta[p] = 0;
      this.listed[p] = 0;
    }
    this.size = 0;
  }
}
