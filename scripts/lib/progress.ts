/** A one-line progress bar with rate and ETA on a terminal; silent elsewhere. */
export class Progress {
  private readonly start = performance.now();
  private last = 0;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    /** the counted thing's measure word: 份 (reports), 个 (files) */
    private readonly unit = '份',
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  tick(done: number): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const width = 28;
    const filled = Math.round((done / Math.max(this.total, 1)) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.out.write(`\r${this.label} ${bar} ${done}/${this.total}  ${rate.toFixed(0)} ${this.unit}/秒  剩余约 ${formatSeconds(eta)}   `);
  }

  done(): void {
    if (this.tty) this.out.write('\n');
  }
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(0)} 秒`;
  return `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒`;
}

/**
 * The build's later phases (after the per-report bar), one line each as it
 * starts, with the time since the build began: a large collection spends
 * minutes there, and a silent terminal looks hung.
 */
export class Phases {
  private readonly start = performance.now();

  constructor(private readonly out: { write(s: string): unknown } | null = process.stderr) {}

  begin(label: string): void {
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 2 ** 20);
    // rss: the whole process (the file workers' heaps and sql.js memory too); heap and buffers: this thread's
    this.out?.write(`${label}…（已用 ${formatSeconds((performance.now() - this.start) / 1000)}，内存 ${mb(m.rss)} MB：堆 ${mb(m.heapUsed)} MB，缓冲区 ${mb(m.arrayBuffers)} MB）\n`);
  }
}
