/** Messages between the pool (main thread) and its file workers. */
import type { Finding, ManifestRow } from '../../src/parse/types';
import type { PackedFile } from './slimReport';

export interface FileTask {
  /** path to read */
  path: string;
  /** name as reported (relative to the reports folder, or as given) */
  name: string;
  manifest: ManifestRow | null;
  /** the report id its report gets (its place in the sorted input, from 1) */
  id: number;
  /** size and hash of a file that failed before (re-sent with `failed`) */
  bytes?: number;
  sha256?: string;
}

export type ToWorker =
  | {
      kind: 'files';
      task: number;
      files: FileTask[];
      /** write the batch's detail shard */
      detail: boolean;
      /** files already judged failed (by index in `files`): the reason, not processed again */
      failed: Record<number, string>;
    }
  | { kind: 'patch'; task: number; bytes: Uint8Array; findings: { id: number; findings: Finding[] }[] };

export type FromWorker =
  | { kind: 'start'; task: number; index: number }
  | { kind: 'files'; task: number; files: PackedFile[]; shard: { first: number; last: number; bytes: Uint8Array } | null }
  | { kind: 'patched'; task: number; bytes: Uint8Array }
  | { kind: 'error'; task: number; message: string };
