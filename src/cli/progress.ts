/** A progress line that rewrites itself in place. */
export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line, so that what follows starts on a clean line. */
  clear(): void;
}

const BAR_WIDTH = 30;

/**
 * A progress bar on `stream` when it is a terminal and `enabled`; otherwise nothing, so that
 * logs and pipes never fill with carriage returns.
 */
export function createProgress(stream: NodeJS.WriteStream, { enabled = true } = {}): Progress {
  if (!enabled || !stream.isTTY) return { update: () => {}, clear: () => {} };

  let shown = -1;
  return {
    update(done, total) {
      const percent = Math.floor((100 * done) / total);
      if (percent === shown) return;
      shown = percent;
      const filled = Math.round((BAR_WIDTH * done) / total);
      const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
      stream.write(`\r[${bar}] ${String(percent).padStart(3)} %  ${done} / ${total} trials`);
    },
    clear() {
      if (shown >= 0) stream.write('\r\x1b[K');
      shown = -1;
    },
  };
}
