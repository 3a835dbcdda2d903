/**
 * The site built with a given database: `vite build` of the project (its own
 * vite.config.ts) into a directory outside the repo, with the app's
 * `build/gongkai.sqlite.gz?url` and `build/gongkai.sqlite?url` imports pointed at the benchmark database. The
 * repo's build/ and dist/ are never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, type Plugin } from 'vite';

/** The site over build-db's output in dbDir: the core gongkai.sqlite, and public/ (shards and parts) as Vite's publicDir. */
export async function buildSite(root: string, dbDir: string, outDir: string): Promise<number> {
  const dbFile = path.join(dbDir, 'gongkai.sqlite');
  const publicDir = path.join(dbDir, 'public');
  fs.mkdirSync(publicDir, { recursive: true });
  const redirect: Plugin = {
    name: 'bench-database',
    enforce: 'pre',
    // both imports: the gzipped core the page loads and the plain one its links download
    resolveId(id) {
      const m = /(^|\/)build\/gongkai\.sqlite(\.gz)?\?url$/.exec(id);
      return m ? `${dbFile}${m[2] ?? ''}?url` : null;
    },
  };
  const t0 = performance.now();
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [redirect],
    publicDir,
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  const assets = fs.readdirSync(path.join(outDir, 'assets'));
  const db = assets.find((f) => f.endsWith('.gz') && f.startsWith('gongkai'));
  if (!db) throw new Error('the built site has no gongkai….gz asset (has the app stopped importing build/gongkai.sqlite.gz?url?)');
  if (fs.statSync(path.join(outDir, 'assets', db)).size !== fs.statSync(`${dbFile}.gz`).size) throw new Error(`dist/assets/${db} is not the benchmark database`);
  return (performance.now() - t0) / 1000;
}

export interface Shipped {
  files: { file: string; raw: number; gzip: number }[];
  jsRaw: number;
  jsGzip: number;
  wasm: { file: string; raw: number; gzip: number } | null;
  css: { raw: number; gzip: number };
}

export function shipped(outDir: string): Shipped {
  const dir = path.join(outDir, 'assets');
  const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 6 }).length;
  const size = (f: string) => fs.statSync(path.join(dir, f)).size;
  const all = fs.readdirSync(dir).sort();
  const files = all.filter((f) => f.endsWith('.js')).map((file) => ({ file, raw: size(file), gzip: gz(file) }));
  const w = all.find((f) => f.endsWith('.wasm'));
  const cssFiles = all.filter((f) => f.endsWith('.css'));
  return {
    files,
    jsRaw: files.reduce((s, f) => s + f.raw, 0),
    jsGzip: files.reduce((s, f) => s + f.gzip, 0),
    wasm: w ? { file: w, raw: size(w), gzip: gz(w) } : null,
    css: { raw: cssFiles.reduce((s, f) => s + size(f), 0), gzip: cssFiles.reduce((s, f) => s + gz(f), 0) },
  };
}
