/**
 * `npm run bench [-- --sizes 1000,20000,200000] [--parse-limit 20000] [--cold-runs 5] [--changes 24] [--root /tmp/gongkai-bench] [--no-write] [--render-only]`
 *
 * Every benchmark of issue 8, for generated corpora of each size, written to
 * BENCHMARKS.md (rewritten; the `## Parse throughput` and `## Extraction` sections from
 * `npm run bench:parse` and `npm run bench:extract`, and the `## Generated layouts: share of figures read`
 * section from `npm run bench:synth-read` are carried over). Corpora, databases and built sites
 * live under --root, never in the repo. A step that fails is recorded with its
 * reason and the run goes on; BENCHMARKS.md is rewritten after every corpus.
 * The measurements are also kept in <root>/results.json; --render-only rewrites
 * BENCHMARKS.md from them without measuring again.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserBench, type BrowserResult } from './browser';
import { runBuildDb, type BuildResult } from './build';
import { ensureCorpus, type Corpus } from './corpus';
import { cliBench, parseBench, type ParseResult } from './parse';
import { historyEntry, renderReport, type HistoryEntry, type Machine, type SizeRun } from './report';
import { buildSite, shipped, type Shipped } from './site';
import { renderSelfcheck, selfcheckBench, SELFCHECK_TITLE } from './selfcheck';
import { dbSize, type SizeResult } from './size';
import { writeBenchmarksSection } from '../lib/benchmarksSection';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '1000,20000,200000').split(',').map((s) => Number(s.replace(/[_k]/g, (m) => (m === 'k' ? '000' : ''))));
const COLD_RUNS = Number(arg('cold-runs', '5'));
const CHANGES = Number(arg('changes', '24'));
const WORK = path.resolve(arg('root', path.join(os.tmpdir(), 'gongkai-bench')));
const WRITE = !argv.includes('--no-write');
const RENDER_ONLY = argv.includes('--render-only');
/** files of each corpus the parse, processFile and CLI figures run over */
const PARSE_LIMIT = Number(arg('parse-limit', '20000'));

const log = (s: string) => console.log(s);
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n').slice(0, 3).join(' / ').slice(0, 500);
const load = () => os.loadavg()[0];

function machine(chromium: string): Machine {
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGB: os.totalmem() / 2 ** 30,
    node: process.version,
    chromium,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit,
  };
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch (e) {
    return `unknown (${errText(e)})`;
  }
}

const HISTORY = path.join(WORK, 'history.jsonl');
function readHistory(): HistoryEntry[] {
  if (!fs.existsSync(HISTORY)) return [];
  return fs.readFileSync(HISTORY, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as HistoryEntry);
}

/** sections other scripts write into BENCHMARKS.md, kept when this one rewrites it */
const CARRIED_SECTIONS = ['## Issue 16: the profile before, and the decisions', '## Parse throughput', '## Extraction', '## Generated layouts: share of figures read', `## ${SELFCHECK_TITLE}`];

function write(m: Machine, runs: SizeRun[], js: Shipped | null): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  // a full run's own figures are appended to the history when it ends; until then they are shown as the last row
  const history = RENDER_ONLY ? readHistory() : [...readHistory(), historyEntry(m, runs, js)];
  if (!RENDER_ONLY) fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify({ machine: m, runs, js }, null, 1));
  const carriedParts: string[] = [];
  if (fs.existsSync(file)) {
    const old = fs.readFileSync(file, 'utf8');
    for (const heading of CARRIED_SECTIONS) {
      const at = old.indexOf(`${heading}\n`);
      if (at < 0) continue;
      const rest = old.slice(at + 1);
      const end = rest.search(/^## /m);
      carriedParts.push(old.slice(at, end < 0 ? old.length : at + 1 + end).trimEnd());
    }
  }
  const carried = carriedParts.join('\n\n');
  const md = renderReport(m, runs, js, { coldRuns: COLD_RUNS, changes: CHANGES, parseLimit: PARSE_LIMIT, carried, history });
  if (WRITE) {
    fs.writeFileSync(file, md);
    log(`wrote ${path.relative(process.cwd(), file)}`);
  } else log(md);
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  if (RENDER_ONLY) {
    const saved = JSON.parse(fs.readFileSync(path.join(WORK, 'results.json'), 'utf8')) as { machine: Machine; runs: SizeRun[]; js: Shipped | null };
    write(saved.machine, saved.runs, saved.js);
    return;
  }
  const m = machine(chromiumVersion());
  log(`bench: sizes ${SIZES.join(', ')} under ${WORK}; ${m.cpu}, ${m.cores} cores, load ${load().toFixed(1)}`);
  const runs: SizeRun[] = [];
  let js: Shipped | null = null;
  /** the first site built: 自查 is measured on it (its database does not matter) */
  let firstDist: string | null = null;
  for (const n of SIZES) {
    const run: SizeRun = { size: n, errors: {}, load: {} };
    runs.push(run);
    log(`\n== ${n.toLocaleString('en')} reports ==`);
    let corpus: Corpus | null = null;
    try {
      run.load.generate = load();
      corpus = ensureCorpus(WORK, n, log);
      run.corpus = { bytes: corpus.bytes, generatedS: corpus.generatedS };
    } catch (e) {
      run.errors.corpus = errText(e);
    }
    if (corpus) {
      try {
        run.load.parse = load();
        const p: ParseResult = await parseBench(corpus.reportsDir, PARSE_LIMIT);
        run.parse = p;
        log(`parse: ${p.parseRate.toFixed(0)} reports/s (floor ${p.floorRate.toFixed(0)}/s; processFile ${p.fileRate.toFixed(0)}/s) over ${p.files} files`);
      } catch (e) {
        run.errors.parse = errText(e);
      }
      try {
        run.cli = await cliBench(ROOT, corpus.reportsDir, PARSE_LIMIT);
        log(`parse CLI: ${run.cli.rate.toFixed(0)} reports/s end to end over ${run.cli.files} files (${run.cli.seconds.toFixed(1)} s)`);
      } catch (e) {
        run.errors.cli = errText(e);
      }
      const dbDir = path.join(WORK, `db-${n}`);
      run.load.build = load();
      const b: BuildResult = await runBuildDb(ROOT, corpus.dir, dbDir, n >= 100_000 ? 3 * 3600 : 3600, log, n <= 50_000);
      run.build = b;
      if (!b.ok) run.errors.build = b.reason ?? 'failed';
      if (b.ok) {
        try {
          const s: SizeResult = await dbSize(dbDir);
          run.db = s;
          log(`database: ${(s.raw / n).toFixed(0)} bytes/report raw, ${(s.gzip / n).toFixed(0)} gzip; largest ${s.tables[0]?.table}`);
        } catch (e) {
          run.errors.size = errText(e);
        }
        const dist = path.join(WORK, `dist-${n}`);
        let built = false;
        for (let attempt = 1; attempt <= 3 && !built; attempt++) {
          try {
            run.siteBuildS = await buildSite(ROOT, dbDir, dist);
            built = true;
            delete run.errors.site;
          } catch (e) {
            run.errors.site = `vite build (attempt ${attempt}): ${errText(e)}`;
            log(`site build failed: ${run.errors.site}${attempt < 3 ? ' — retrying in 3 minutes' : ''}`);
            if (attempt < 3) await new Promise((r) => setTimeout(r, 180_000));
          }
        }
        if (built) {
          if (!js) js = shipped(dist);
          if (!firstDist && n < 100_000) firstDist = dist;
          try {
            run.load.browser = load();
            const br: BrowserResult = await browserBench(dist, { coldRuns: COLD_RUNS, changes: CHANGES, timeoutMs: n >= 100_000 ? 600_000 : 180_000, log });
            run.browser = br;
            if (br.errors.length) log(`page errors: ${br.errors.slice(0, 3).join(' | ')}`);
          } catch (e) {
            run.errors.browser = errText(e);
            log(`browser: FAILED — ${run.errors.browser}`);
          }
        }
        // keep the corpus for reuse, drop the big artefacts of the biggest runs
        if (n >= 100_000) {
          fs.rmSync(dist, { recursive: true, force: true });
          fs.rmSync(dbDir, { recursive: true, force: true });
        }
      }
    }
    write(m, runs, js);
  }
  if (WRITE) fs.appendFileSync(HISTORY, `${JSON.stringify(historyEntry(m, runs, js))}\n`);
  if (firstDist) {
    try {
      const md = renderSelfcheck(await selfcheckBench(firstDist, log));
      if (WRITE) writeBenchmarksSection(SELFCHECK_TITLE, md);
      else log(md);
    } catch (e) {
      log(`自查: FAILED — ${errText(e)}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
