/** The 自查 view's handle on its worker: one file checked at a time, promise-based, with progress. */
import type { EarlierReport, FromSelfcheck, SelfcheckResult, ShownFinding, ToSelfcheck } from './protocol';

export interface CheckProgress {
  stage: 'extract' | 'parse';
  page?: number;
  pages?: number;
}

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void; progress?: (p: CheckProgress) => void };

export class SelfcheckClient {
  #worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  #next = 1;
  #pending = new Map<number, Pending>();
  /** resolves when the worker has its region tables and pdf.js (a file chosen earlier waits for them) */
  readonly ready: Promise<void>;
  #ready!: () => void;

  constructor() {
    this.ready = new Promise((resolve) => (this.#ready = resolve));
    this.#worker.addEventListener('message', (ev: MessageEvent<FromSelfcheck>) => {
      const m = ev.data;
      if (m.type === 'ready') {
        this.#ready();
        return;
      }
      const p = this.#pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        p.progress?.({ stage: m.stage, page: m.page, pages: m.pages });
        return;
      }
      this.#pending.delete(m.id);
      if (m.type === 'failed') p.reject(new Error(m.error));
      else (p.resolve as (v: unknown) => void)(m.type === 'result' ? m.result : m.findings);
    });
    this.#worker.addEventListener('error', (e) => {
      for (const p of this.#pending.values()) p.reject(new Error(`检查线程出错：${e.message ?? ''}`));
      this.#pending.clear();
    });
  }

  #send<T>(m: ToSelfcheck, transfer: Transferable[], progress?: (p: CheckProgress) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(m.id, { resolve: resolve as (v: never) => void, reject, progress });
      this.#worker.postMessage(m, transfer);
    });
  }

  /** Extract, parse and check one file (its bytes are handed to the worker). */
  check(name: string, bytes: ArrayBuffer, progress?: (p: CheckProgress) => void): Promise<SelfcheckResult> {
    return this.#send({ type: 'check', id: this.#next++, name, bytes }, [bytes], progress);
  }

  /** The cross-year checks of the last checked report against the database's earlier reports of its organ. */
  crossYear(earlier: EarlierReport[]): Promise<ShownFinding[]> {
    return this.#send({ type: 'crossYear', id: this.#next++, earlier }, []);
  }

  terminate(): void {
    this.#worker.terminate();
    for (const p of this.#pending.values()) p.reject(new Error('已取消'));
    this.#pending.clear();
  }
}
