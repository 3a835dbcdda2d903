/** What every view reads: the database client, the URL-backed store, and the build's metadata. */
import { getContext, setContext } from 'svelte';
import type { DbClient } from '../../db/client';
import type { Meta } from '../../db/queries';
import type { AppStore } from './store.svelte';

export interface AppContext {
  db: DbClient;
  store: AppStore;
  meta: Meta;
  dbUrl: string;
  /** name of the organ chosen in 机关, '' if none */
  organName: () => string;
}

const KEY = Symbol('gongkai');
export const setApp = (c: AppContext) => setContext(KEY, c);
export const getApp = () => getContext<AppContext>(KEY);
