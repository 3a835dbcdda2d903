/**
 * Input files processed on every core: a pool of file workers (fileWorker.ts)
 * takes batches of files and hands their results back in input order, so what
 * is written from them is the same whatever the number of workers. Each file
 * has a time budget: a worker still on one file past it is ended, the file is
 * reported failed (处理超时), and its batch goes on in a new worker; so does a
 * worker that dies of memory or a crash. Shared by the build and the parse CLI.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../src/parse/types';
import type { FileTask, FromWorker, ToWorker } from './poolProtocol';
import type { ProcessedFile } from './pipeline';
import { Interner, type PackedFile } from './slimReport';

export interface PoolOptions {
  /** default: the machine's cores (GONGKAI_WORKERS overrides) */
  workers?: number;
  /** seconds one file may take (GONGKAI_FILE_BUDGET_S overrides); default 120 */
  budgetS?: number;
  /** heap limit of each worker, MB; default 2048 */
  memoryMb?: number;
}

export interface BatchResult {
  files: PackedFile[];
  /** the batch's detail shard (not yet vacuumed), when asked for and it has a report */
  shard: { first: number; last: number; bytes: Uint8Array } | null;
}

export const DEFAULT_BUDGET_S = 120;

/** The pool's defaults, from the environment. */
export function poolDefaults(): Required<PoolOptions> {
  const env = (k: string) => (process.env[k] && /^\d+$/.test(process.env[k]!) ? Number(process.env[k]) : null);
  return {
    workers: Math.max(1, env('GONGKAI_WORKERS') ?? os.availableParallelism?.() ?? os.cpus().length),
    budgetS: env('GONGKAI_FILE_BUDGET_S') ?? DEFAULT_BUDGET_S,
    memoryMb: 2048,
  };
}

interface Pending {
  message: ToWorker;
  resolve: (m: FromWorker) => void;
  reject: (e: Error) => void;
  /** worker deaths without a file started: a broken worker, not a broken file */
  deaths: number;
}

interface Slot {
  worker: Worker;
  task: Pending | null;
  current: { index: number; since: number } | null;
}

const ENTRY = new URL('./fileWorker.entry.mjs', import.meta.url);

export class FilePool {
  private readonly opts: Required<PoolOptions>;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly timer: NodeJS.Timeout;
  private nextTask = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.opts = { ...poolDefaults(), ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) };
    for (let i = 0; i < this.opts.workers; i++) this.slots.push(this.spawn());
    this.timer = setInterval(() => this.watch(), Math.min(250, this.opts.budgetS * 250));
    this.timer.unref();
  }

  get workers(): number {
    return this.opts.workers;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb } }), task: null, current: null };
    slot.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'start') {
        slot.current = { index: m.index, since: performance.now() };
        return;
      }
      const t = slot.task;
      slot.task = null;
      slot.current = null;
      if (!t) return;
      if (m.kind === 'error') this.fileFailed(slot, t, `处理失败：${m.message.split('\n')[0]}`, false);
      else t.resolve(m);
      this.dispatch();
    });
    slot.worker.on('error', (e: Error & { code?: string }) => {
      const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `处理时内存超过上限（${this.opts.memoryMb} MB）` : `处理时出错：${e.message}`;
      this.died(slot, why);
    });
    slot.worker.on('exit', () => this.died(slot, '处理线程意外退出'));
    return slot;
  }

  /** A worker gone: its file (if one was started) failed; the batch goes on in a new worker. */
  private died(slot: Slot, why: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    const t = slot.task;
    slot.task = null;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (this.closed) return;
    this.slots[at] = this.spawn();
    if (t) this.fileFailed(slot, t, why, true);
    this.dispatch();
  }

  private fileFailed(slot: Slot, t: Pending, why: string, replaced: boolean): void {
    const m = t.message;
    if (m.kind !== 'files' || !slot.current) {
      if (++t.deaths >= 3 || m.kind !== 'files') return t.reject(new Error(`文件处理线程失败：${why}`));
      this.queue.unshift(t);
      return;
    }
    m.failed = { ...m.failed, [slot.current.index]: why };
    slot.current = null;
    this.queue.unshift(t);
    if (!replaced) this.dispatch();
  }

  private watch(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.task && slot.current && now - slot.current.since > this.opts.budgetS * 1000) {
        const t = slot.task;
        const at = this.slots.indexOf(slot);
        slot.worker.removeAllListeners();
        void slot.worker.terminate();
        this.slots[at] = this.spawn();
        slot.task = null;
        this.fileFailed(slot, t, `处理超时（超过 ${this.opts.budgetS} 秒）`, true);
      }
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || !this.queue.length) continue;
      const t = this.queue.shift()!;
      slot.task = t;
      slot.current = null;
      slot.worker.postMessage(t.message);
    }
  }

  private submit(message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject, deaths: 0 });
      this.dispatch();
    });
  }

  /**
   * The batches' results in input order, at most `ahead` batches in flight
   * (default two a worker), so memory stays flat whatever the input's size.
   */
  async *files(batches: readonly FileTask[][], detail: boolean, ahead = this.opts.workers * 2): AsyncGenerator<BatchResult> {
    const inFlight: Promise<FromWorker>[] = [];
    let next = 0;
    const fill = () => {
      while (next < batches.length && inFlight.length < ahead) {
        inFlight.push(this.submit({ kind: 'files', task: this.nextTask++, files: batches[next++], detail, failed: {} }));
      }
    };
    fill();
    while (inFlight.length) {
      const m = await inFlight.shift()!;
      fill();
      if (m.kind !== 'files') throw new Error(`unexpected answer ${m.kind}`);
      yield { files: m.files, shard: m.shard };
    }
  }

  /**
   * Files processed without writing detail (the parse CLI): slim reports with
   * every finding's evidence, in input order.
   */
  async processAll(tasks: readonly Omit<FileTask, 'id'>[], batch = 8): Promise<ProcessedFile[]> {
    const batches: FileTask[][] = [];
    for (let i = 0; i < tasks.length; i += batch) batches.push(tasks.slice(i, i + batch).map((t, k) => ({ ...t, id: i + k + 1 })));
    const interner = new Interner();
    const out: ProcessedFile[] = [];
    for await (const b of this.files(batches, false)) for (const f of b.files) out.push(interner.unpack(f));
    return out;
  }

  /** A shard with the collection's findings laid in, vacuumed and gzipped. */
  async patch(bytes: Uint8Array, findings: { id: number; findings: Finding[] }[]): Promise<Uint8Array> {
    const m = await this.submit({ kind: 'patch', task: this.nextTask++, bytes, findings });
    if (m.kind !== 'patched') throw new Error(`unexpected answer ${m.kind}`);
    return m.bytes;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all(
      this.slots.map((s) => {
        s.worker.removeAllListeners();
        return s.worker.terminate();
      }),
    );
  }
}
