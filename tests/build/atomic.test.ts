/**
 * An interrupted build loses nothing: build-db killed with SIGKILL at several
 * points leaves the previous database whole — the core opens, every file it
 * lists is there and opens, nothing half-written sits in the folder the site
 * ships — and the next build removes what the killed one left behind.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { DATA_FILE, stagingDir } from '../../scripts/lib/publish';
import { sourceUrl } from '../../scripts/synth';
import { generateReport } from '../../scripts/synth/index';
import { tmpDir } from './helpers';

const SEEDS = path.resolve('data/reports');
const dir = tmpDir('atomic');
const data = path.join(dir, 'data');
const out = path.join(dir, 'build', 'gongkai.sqlite');
const publicData = path.join(dir, 'build', 'public', 'data');

/** build-db in a child process; `killAt` kills it (SIGKILL) when a phase line containing it appears, or after that many ms. */
function buildDb(killAt?: string | number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--data', data, '--out', out], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1764547200' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (typeof killAt === 'string' && err.includes(killAt)) kill();
    });
    const timer = typeof killAt === 'number' ? setTimeout(kill, killAt) : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed, code });
    });
  });
}

function snapshot(): Map<string, Buffer> {
  const files = new Map([['core', fs.readFileSync(out)]]);
  for (const f of fs.readdirSync(publicData).sort()) files.set(f, fs.readFileSync(path.join(publicData, f)));
  return files;
}

/** The core opens, lists its files, and each listed file is there and opens; returns the listed names. */
function whole(SQL: SqlJsStatic): string[] {
  const core = new SQL.Database(fs.readFileSync(out));
  try {
    expect(core.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]).toBeGreaterThan(0);
    const listed = ['shards', 'parts', 'directories'].flatMap((t) => (core.exec(`SELECT file FROM ${t}`)[0]?.values ?? []).map(([f]) => String(f)));
    for (const f of listed) {
      const db = new SQL.Database(zlib.gunzipSync(fs.readFileSync(path.join(publicData, f))));
      expect(db.exec('SELECT COUNT(*) FROM fact_keys')[0].values[0][0], f).toBeGreaterThan(0);
      db.close();
    }
    return listed;
  } finally {
    core.close();
  }
}

describe('build-db killed with SIGKILL', () => {
  let SQL: SqlJsStatic;
  let before: Map<string, Buffer>;
  beforeAll(async () => {
    SQL = await initSqlJs();
    fs.mkdirSync(path.join(data, 'reports'), { recursive: true });
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(data, 'reports', f));
    fs.copyFileSync('data/manifest.csv', path.join(data, 'manifest.csv'));
    expect((await buildDb()).code).toBe(0);
    before = snapshot();
    // the next build has more to do: 250 more reports, two shards
    let manifest = fs.readFileSync(path.join(data, 'manifest.csv'), 'utf8').trimEnd() + '\n';
    for (let i = 0; i < 250; i++) {
      const r = generateReport(9_000 + i);
      fs.writeFileSync(path.join(data, 'reports', `n${i}.txt`), r.text);
      manifest += `${[`n${i}.txt`, r.organ, r.province, r.city, r.county, r.level, r.year, sourceUrl(r, 9_000 + i), r.published].join(',')}\n`;
    }
    fs.writeFileSync(path.join(data, 'manifest.csv'), manifest);
  }, 120_000);

  const points: (string | number)[] = [1500, '跨报告检查', '写入核心文件', '整理核心文件'];
  test.each(points)('at %s the previous database is still whole, and nothing temporary is in the shipped folder', async (at) => {
    const run = await buildDb(at);
    expect(run.killed).toBe(true);
    whole(SQL);
    expect(snapshot()).toEqual(before);
    for (const f of fs.readdirSync(publicData)) expect(f).toMatch(DATA_FILE);
    expect(fs.readdirSync(publicData).some((f) => f.endsWith('.tmp'))).toBe(false);
  }, 120_000);

  test('at the switch itself the core is the old build or the new one, whole either way; the next build cleans up', async () => {
    const run = await buildDb('替换为新的数据库文件');
    expect(run.killed).toBe(true);
    whole(SQL);
    const left = fs.readFileSync(out);
    // finish the build: the staging folder and every file the new core does not list are gone
    expect((await buildDb()).code).toBe(0);
    expect(fs.existsSync(stagingDir(out))).toBe(false);
    const listed = whole(SQL);
    expect(fs.readdirSync(publicData).sort()).toEqual([...listed].sort());
    const after = fs.readFileSync(out);
    expect(after.equals(before.get('core')!)).toBe(false);
    // what the killed build left was one of the two whole builds (the build is deterministic)
    expect(left.equals(before.get('core')!) || left.equals(after)).toBe(true);
  }, 180_000);
});
