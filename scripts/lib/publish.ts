/**
 * The build's files reach their places without a moment of a half-written
 * database: everything is written into a staging folder beside the core (not
 * under public/, so a site build never ships it), the detail, part and
 * directory files are renamed into public/data/ beside the old build's (their
 * names are content hashes, so the old core's files stay as they were), then
 * the core is renamed over the old core — the switch — and only then are the
 * old build's files removed. A build killed at any moment leaves the old core
 * with all its files, or the new one with all of its; the next build removes
 * what was left over.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import initSqlJs from 'sql.js';

/** Names of the files a build puts in the data folder. */
export const DATA_FILE = /^(detail|part|dir|leaders)-[\w-]+\.sqlite(\.gz)?$|^\.shard-\d+\.tmp$/;

export function stagingDir(outFile: string): string {
  return path.join(path.dirname(outFile), `.staging-${path.basename(outFile)}`);
}

/** The data files a core lists (its shards, parts, directories); null when it cannot be read. */
export async function filesOfCore(outFile: string): Promise<Set<string> | null> {
  if (!fs.existsSync(outFile)) return new Set();
  try {
    const SQL = await initSqlJs();
    const db = new SQL.Database(fs.readFileSync(outFile));
    try {
      const tables = new Set((db.exec("SELECT name FROM sqlite_schema WHERE type = 'table'")[0]?.values ?? []).map(([n]) => String(n)));
      const out = new Set<string>();
      for (const t of ['shards', 'parts', 'directories', 'leaders']) {
        if (!tables.has(t)) continue;
        for (const [f] of db.exec(`SELECT file FROM ${t}`)[0]?.values ?? []) out.add(String(f));
      }
      return out;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** What an interrupted build left: its staging folder, and data files the current core does not list. */
export async function cleanLeftovers(outFile: string, detailDir: string): Promise<string[]> {
  fs.rmSync(stagingDir(outFile), { recursive: true, force: true });
  const removed: string[] = [];
  if (!fs.existsSync(detailDir)) return removed;
  const keep = await filesOfCore(outFile);
  if (!keep) return removed; // a core we cannot read: leave its folder alone
  for (const f of fs.readdirSync(detailDir)) {
    if (DATA_FILE.test(f) && !keep.has(f)) {
      fs.rmSync(path.join(detailDir, f), { force: true });
      removed.push(f);
    }
  }
  return removed;
}

/**
 * The core as the site serves it: gzip level 9 (Node's gzip header has no time in it, so
 * the same core gives the same bytes). GitHub Pages does not compress a .sqlite file
 * (served as application/octet-stream), so the page fetches this copy and the worker
 * decompresses it; 1.9 MB of a 200,000-report index is 0.8 MB on the wire.
 */
export function gzipCore(core: Uint8Array): Uint8Array {
  return zlib.gzipSync(core, { level: 9 });
}

export class Staging {
  readonly dir: string;
  private readonly staged: string[] = [];

  constructor(
    private readonly outFile: string,
    private readonly detailDir: string,
  ) {
    this.dir = stagingDir(outFile);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** A working file in the staging folder; returns its path. */
  write(name: string, bytes: Uint8Array): string {
    const p = path.join(this.dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  }

  /** A data file of the new build, moved into the data folder by publish(). */
  stage(file: string, bytes: Uint8Array): void {
    this.write(file, bytes);
    this.staged.push(file);
  }

  /**
   * Data files first, then the core's gzipped copy (what the site downloads: `<outFile>.gz`),
   * then the core over the old one, then the old build's files away.
   */
  publish(core: Uint8Array): void {
    fs.mkdirSync(this.detailDir, { recursive: true });
    fs.mkdirSync(path.dirname(this.outFile), { recursive: true });
    for (const f of this.staged) fs.renameSync(path.join(this.dir, f), path.join(this.detailDir, f));
    fs.renameSync(this.write('core.sqlite.gz', gzipCore(core)), `${this.outFile}.gz`);
    const tmp = this.write('core.sqlite', core);
    fs.renameSync(tmp, this.outFile);
    const keep = new Set(this.staged);
    for (const f of fs.readdirSync(this.detailDir)) if (DATA_FILE.test(f) && !keep.has(f)) fs.rmSync(path.join(this.detailDir, f), { force: true });
  }

  discard(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
