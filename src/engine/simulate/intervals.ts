/** A growable list of down intervals [start, end) of processes, reused across trials. */
export class IntervalBuffer {
  count = 0;
  start = new Float64Array(64);
  end = new Float64Array(64);
  process = new Int32Array(64);

  clear(): void {
    this.count = 0;
  }

  push(start: number, end: number, process: number): void {
    if (this.count === this.start.length) this.grow();
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.process[this.count++] = process;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Float64Array(size);
    const end = new Float64Array(size);
    const process = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    process.set(this.process);
    this.start = start;
    this.end = end;
    this.process = process;
  }
}
