/**
 * Share of figures read in generated reports, per layout and template:
 *
 *   npm run bench:synth-read [-- --count N] [--old-count M] [--layouts a,b] [--failures FILE] [--no-write]
 *
 * N reports per new layout (default 1,000: half each template) and M per
 * older layout (default 200), seeds fixed per layout and template, each parsed
 * by parseReport and scored by scripts/synth/readBack: figures stated, figures
 * read right, figures invented (a number where the truth is another number,
 * null or no such fact). Prints the table, writes it into BENCHMARKS.md under
 * `## Generated layouts: share of figures read` (every other section left
 * alone) and, with --failures, every invented figure as one JSON line
 * {layout, template, seed, key, want, got, row} for the parser's authors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseReport } from '../src/parse/index';
import { ALL_LAYOUTS, generateReport, isNewLayout, type LayoutName, type SynthReport } from './synth/index';
import { describeWrong, readBack, type WrongFigure } from './synth/readBack';

const HEADING = '## Generated layouts: share of figures read';
const TEMPLATES = ['2019', '2021'] as const;

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const COUNT = Number(arg('count') ?? 1000);
const OLD_COUNT = Number(arg('old-count') ?? 200);
const WRITE = !argv.includes('--no-write');
const FAILURES = arg('failures');
const LAYOUT_LIST = (arg('layouts')?.split(',') ?? [...ALL_LAYOUTS]) as LayoutName[];
for (const l of LAYOUT_LIST) if (!ALL_LAYOUTS.includes(l)) throw new Error(`--layouts: unknown layout ${l} (known: ${ALL_LAYOUTS.join(', ')})`);

interface Row {
  layout: LayoutName;
  template: '2019' | '2021';
  reports: number;
  stated: number;
  read: number;
  wrong: number;
  /** invented figures in a row whose truth has an empty, dash or unprinted cell */
  wrongNearEmpty: number;
  reportsWrong: number;
  meta: number;
  parseMs: number[];
  examples: string[];
  keys: Map<string, number>;
}

/** the row of a fact key (s3.denied.law.natural → s3.denied.law) */
function rowOf(key: string): string {
  return key.slice(0, key.lastIndexOf('.'));
}

/** whether a wrong figure sits in a row that prints an empty or dash cell (a run that lost a cell) */
function nearEmpty(r: SynthReport, w: WrongFigure): boolean {
  const row = rowOf(w.key);
  const empty = [...r.blank, ...r.dash];
  return empty.some((k) => rowOf(k) === row || (row.startsWith('s4.') && k.startsWith('s4.')));
}

function seedFor(layout: LayoutName, template: string, i: number): number {
  return 3_000_000 + ALL_LAYOUTS.indexOf(layout) * 100_000 + (template === '2021' ? 50_000 : 0) + i;
}

function measure(): Row[] {
  const rows: Row[] = [];
  const failures = FAILURES ? fs.openSync(FAILURES, 'w') : null;
  for (const layout of LAYOUT_LIST) {
    const per = Math.ceil((isNewLayout(layout) ? COUNT : OLD_COUNT) / TEMPLATES.length);
    for (const template of TEMPLATES) {
      const row: Row = { layout, template, reports: 0, stated: 0, read: 0, wrong: 0, wrongNearEmpty: 0, reportsWrong: 0, meta: 0, parseMs: [], examples: [], keys: new Map() };
      for (let i = 0; i < per; i++) {
        const seed = seedFor(layout, template, i);
        const r = generateReport(seed, { layout, template });
        const t0 = performance.now();
        const p = parseReport(r.text, { file: `synth-${seed}.txt` });
        row.parseMs.push(performance.now() - t0);
        const b = readBack(r, p);
        row.reports++;
        row.stated += b.stated;
        row.read += b.read;
        row.wrong += b.wrong.length;
        row.meta += b.meta.length;
        if (b.wrong.length || b.meta.length) {
          row.reportsWrong++;
          if (row.examples.length < 3) row.examples.push(`seed ${seed}: ${[...b.meta, ...b.wrong.map(describeWrong)].slice(0, 3).join('; ')}`);
        }
        for (const w of b.wrong) {
          const near = nearEmpty(r, w);
          if (near) row.wrongNearEmpty++;
          const k = rowOf(w.key);
          row.keys.set(k, (row.keys.get(k) ?? 0) + 1);
          if (failures) fs.writeSync(failures, `${JSON.stringify({ layout, template, seed, key: w.key, want: w.want, got: w.got, nearEmpty: near })}\n`);
        }
      }
      rows.push(row);
      console.error(`${layout} ${template}: ${row.reports} reports, read ${pct(row.read, row.stated)}, wrong ${row.wrong}`);
    }
  }
  if (failures) fs.closeSync(failures);
  return rows;
}

function pct(a: number, b: number): string {
  return `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function render(rows: Row[], commit: string): string {
  const L: string[] = [HEADING, ''];
  L.push(
    `\`npm run bench:synth-read\` at ${commit}: generated reports (scripts/synth, seeds fixed per layout and template) parsed by \`parseReport\` and scored by scripts/synth/readBack. **Share read** = figures given with the right number / figures the report states. **Wrong** = a number where the truth is another number, null (a blank or dash cell, a total left empty) or no such fact — the rule is 0. The new layouts (flattened, detached-labels, ocr-tables) are drawn only by name, the others are the layouts every seed draws from. Parse time is the median per report on this shared machine (noisy).`,
    '',
    '| layout | template | reports | figures stated | read | share read | wrong figures (of them in a row — in table 四, the table — with an empty or dash cell) | reports with a wrong figure | template/year wrong | parse, ms/report |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    L.push(`| ${r.layout} | ${r.template} | ${r.reports} | ${r.stated} | ${r.read} | **${pct(r.read, r.stated)}** | ${r.wrong} (${r.wrongNearEmpty}) | ${r.reportsWrong} | ${r.meta} | ${median(r.parseMs).toFixed(1)} |`);
  }
  const bad = rows.filter((r) => r.wrong || r.meta);
  if (bad.length) {
    L.push('', 'Where the wrong figures are (rows of the table, most first) and the first reports — replay with `generateReport(seed, { layout, template })`:', '');
    for (const r of bad) {
      const keys = [...r.keys].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ×${n}`);
      L.push(`- **${r.layout} ${r.template}**: ${keys.join(', ') || 'template/year only'}; ${r.examples.map((e) => `\`${e}\``).join('; ')}`);
    }
  }
  L.push('', `Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} when measured.`, '');
  return L.join('\n');
}

function writeSection(section: string): void {
  const file = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'BENCHMARKS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = old.indexOf(`${HEADING}\n`);
  let next: string;
  if (start < 0) next = `${old.trimEnd()}\n\n${section}`;
  else {
    const rest = old.slice(start + HEADING.length);
    const endRel = rest.search(/^## /m);
    const end = endRel < 0 ? old.length : start + HEADING.length + endRel;
    next = `${old.slice(0, start)}${section}${end < old.length ? `\n${old.slice(end)}` : ''}`;
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  console.error(`wrote ${path.relative(process.cwd(), file)} § ${HEADING.slice(3)}`);
}

function commitId(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'an unknown commit';
  }
}

const rows = measure();
const section = render(rows, commitId());
console.log(section);
if (WRITE) writeSection(section);
