import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

/** Fetch a database file and open it with sql.js (WebAssembly located the Vite way). */
export async function openDatabase(dbUrl: string): Promise<Database> {
  const [SQL, bytes] = await Promise.all([
    initSqlJs({ locateFile: () => wasmUrl }),
    fetch(dbUrl).then((r) => {
      if (!r.ok) throw new Error(`数据库文件无法加载（HTTP ${r.status}）：${dbUrl}`);
      return r.arrayBuffer();
    }),
  ]);
  return new SQL.Database(new Uint8Array(bytes));
}
