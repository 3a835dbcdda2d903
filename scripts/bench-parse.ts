/**
 * Parse throughput on one core: `npm run bench:parse [-- --count N] [--no-write]`.
 *
 * Generates N (default 5,000) synthetic reports in memory — both templates, all
 * layouts — then times parseReport over them, after a warm-up pass, best of three. The floor is
 * a pass that only splits the same texts into lines and counts them, so the
 * figure reads as a ratio. Writes the result into BENCHMARKS.md under
 * `## Parse throughput`, leaving every other section alone.
 */
import os from 'node:os';
import path from 'node:path';
import { parseReport } from '../src/parse/index';
import { BENCHMARKS_FILE, writeBenchmarksSection } from './lib/benchmarksSection';
import { generateReport, LAYOUTS } from './synth/index';

const argv = process.argv.slice(2);
const countArg = argv.indexOf('--count');
const COUNT = countArg >= 0 ? Number(argv[countArg + 1]) : 5000;
const WRITE = !argv.includes('--no-write');
const FLOOR_GOAL = 2000;
const AIM = 5000;
const RUNS = 3;

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function main(): void {
  const texts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    texts.push(generateReport(500_000 + i, { layout: LAYOUTS[i % LAYOUTS.length], template: i % 2 ? '2021' : '2019' }).text);
  }
  const chars = texts.reduce((s, t) => s + t.length, 0);

  // warm-up: let the JIT see every layout before timing
  for (let i = 0; i < Math.min(500, COUNT); i++) parseReport(texts[i], { file: `w${i}.txt` });

  // Best of three: the machine is shared, and the best pass is the one least disturbed.
  let lines = 0;
  let cells = 0;
  const floorRuns: number[] = [];
  const parseRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    lines = 0;
    cells = 0;
    floorRuns.push(
      time(() => {
        for (const t of texts) lines += t.split('\n').length;
      }),
    );
    parseRuns.push(
      time(() => {
        for (let i = 0; i < texts.length; i++) cells += Object.keys(parseReport(texts[i], { file: `r${i}.txt` }).cells).length;
      }),
    );
  }
  const floorS = Math.min(...floorRuns);
  const parseS = Math.min(...parseRuns);
  const medianS = [...parseRuns].sort((a, b) => a - b)[Math.floor(RUNS / 2)];

  const rate = COUNT / parseS;
  const floorRate = COUNT / floorS;
  const verdict = rate >= AIM ? 'meets the aim' : rate >= FLOOR_GOAL ? 'meets the floor, not the aim' : 'BELOW the floor';
  const report = [
    `parse: ${COUNT} reports (${(chars / COUNT).toFixed(0)} chars each, ${lines} lines, ${cells} cells) in ${parseS.toFixed(2)} s`,
    `  ${rate.toFixed(0)} reports/s on one core, best of ${RUNS} (median ${(COUNT / medianS).toFixed(0)}; floor to meet ${FLOOR_GOAL}, aim ${AIM}: ${verdict})`,
    `  floor pass (split into lines only): ${floorRate.toFixed(0)} reports/s — parsing costs ${(floorRate / rate).toFixed(0)}× the floor`,
  ];
  console.log(report.join('\n'));

  if (WRITE) {
    const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
    const section = [
      '## Parse throughput',
      '',
      `\`npm run bench:parse\`: \`parseReport\` over ${COUNT.toLocaleString('en')} generated reports (scripts/synth: both templates, all ${LAYOUTS.length} layouts in turn, ~${(chars / COUNT / 1000).toFixed(1)}k characters each), one core, after a warm-up pass; best of ${RUNS} passes.`,
      '',
      '| figure | value |',
      '|---|---|',
      `| parse, reports/s (one core, best of ${RUNS}) | **${rate.toFixed(0)}** (median ${(COUNT / medianS).toFixed(0)}; floor to meet ${FLOOR_GOAL}, aim ${AIM}: ${verdict}) |`,
      `| floor: split into lines only, reports/s | ${floorRate.toFixed(0)} |`,
      `| parse ÷ floor | ${(floorRate / rate).toFixed(0)}× |`,
      `| machine | ${cpu}, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} when measured |`,
      '',
    ].join('\n');
    writeBenchmarksSection('Parse throughput', section);
    console.log(`wrote ${path.relative(process.cwd(), BENCHMARKS_FILE)} § Parse throughput`);
  }
}

main();
