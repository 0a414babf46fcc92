import type { Random } from '../random/streams';

/**
 * The state of every failover group of a trial: which member is active, and the switch under
 * way. Rules (scenario format v1): while the active member is fully down and no switch is under
 * way, a switch to the first other member that is not fully down starts; it completes after
 * `delay` and succeeds with probability `success`; a failed switch is not retried until the
 * active member is restored; a switch landing on a down member counts as a new failure.
 */
export class FailoverStates {
  readonly active: Int32Array;
  private readonly switching: Uint8Array;
  private readonly switchEnd: Float64Array;
  private readonly switchOk: Uint8Array;
  private readonly target: Int32Array;
  private readonly blocked: Uint8Array;
  /** How many groups have a switch under way. */
  private switches = 0;

  constructor(size: number) {
    this.active = new Int32Array(size);
    this.switching = new Uint8Array(size);
    this.switchEnd = new Float64Array(size);
    this.switchOk = new Uint8Array(size);
    this.target = new Int32Array(size);
    this.blocked = new Uint8Array(size);
  }

  /** Starts a trial: the first member is active and no switch is under way. */
  reset(): void {
    this.active.fill(0);
    this.switching.fill(0);
    this.switches = 0;
    this.blocked.fill(0);
  }

  /** Whether group g has a switch under way. */
  isSwitching(g: number): boolean {
    return this.switching[g] === 1;
  }

  /** Whether any group has a switch under way. */
  anySwitching(): boolean {
    return this.switches > 0;
  }

  /** The earliest completion time of a switch under way, Infinity when none is. */
  nextSwitchTime(): number {
    if (this.switches === 0) return Infinity;
    let next = Infinity;
    for (let g = 0; g < this.switching.length; g++) {
      if (this.switching[g] === 1 && this.switchEnd[g] < next) next = this.switchEnd[g];
    }
    return next;
  }

  /**
   * Advances group g to `time` given its members' current errors, drawing switch outcomes from
   * `random`, and returns the group's error: that of its active member. At time 0 the active
   * member is the first that is not fully down.
   */
  step(
    g: number,
    errors: Float64Array,
    count: number,
    time: number,
    delay: number,
    success: number,
    random: Random,
  ): number {
    if (time === 0) this.active[g] = Math.max(0, firstUp(errors, count, -1));
    for (;;) {
      if (this.switching[g] === 1 && this.switchEnd[g] <= time) this.complete(g);
      if (errors[this.active[g]] < 1) this.blocked[g] = 0;
      if (this.switching[g] === 1 || this.blocked[g] === 1 || errors[this.active[g]] < 1) break;

      const target = firstUp(errors, count, this.active[g]);
      if (target < 0) break;
      this.switching[g] = 1;
      this.switches++;
      this.target[g] = target;
      this.switchEnd[g] = time + delay;
      this.switchOk[g] = success >= 1 || random() < success ? 1 : 0;
      if (delay > 0) break;
    }
    return errors[this.active[g]];
  }

  private complete(g: number): void {
    this.switching[g] = 0;
    this.switches--;
    if (this.switchOk[g] === 1) this.active[g] = this.target[g];
    else this.blocked[g] = 1;
  }
}

function firstUp(errors: Float64Array, count: number, except: number): number {
  for (let k = 0; k < count; k++) if (k !== except && errors[k] < 1) return k;
  return -1;
}
