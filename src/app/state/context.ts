/** What every view reads: the database client, the URL-backed store, and the build's metadata. */
import { createContext } from 'svelte';
import type { DbClient } from '../../db/client';
import type { Meta } from '../../db/queries';
import type { Cell } from '../../db/table';
import type { AppStore } from './store.svelte';

export interface AppContext {
  db: DbClient;
  store: AppStore;
  meta: Meta;
  /** the core the worker opens (gzipped: the worker decompresses it) */
  dbUrl: string;
  /** the same core as a plain SQLite file, for 下载 links */
  dbDownloadUrl: string;
  /** name of the organ chosen in 搜索机关, '' if none (or not in this build) */
  organName: () => string;
  /** that organ's row (organ_key, name, province, city, county, level); null if none or not in this build, undefined while looked up */
  organ: () => Record<string, Cell> | null | undefined;
}

export const [getApp, setApp] = createContext<AppContext>();
