/**
 * npm run bench:extract [-- --no-write]
 *
 * What reading one file costs in src/extract, in this process: deeply nested
 * pages (issue 14.9: the reader was quadratic), the two hostile files of issue
 * 14.1 (how soon they are refused), and ordinary reports. Best of 5 runs each,
 * after a warm-up. Writes the result into BENCHMARKS.md under `## Extraction`,
 * leaving every other section alone (`npm run bench` carries it over).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractHtml } from '../src/extract/html';
import { docxBomb, spanBombHtml } from '../tests/extract/hostile';
import { makeReport, reportDocx, reportHtml } from '../tests/extract/render';
import { BENCHMARKS_FILE, writeBenchmarksSection } from './lib/benchmarksSection';
import { extractFile } from './lib/nodeExtract';

const WRITE = !process.argv.includes('--no-write');
const RUNS = 5;
const COMPLETE = path.resolve('../shared/corpus/complete');

async function best(f: () => unknown): Promise<number> {
  await f();
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const ms = (t: number) => (t < 10 ? t.toFixed(1) : Math.round(t).toLocaleString('en'));

async function main() {
  const rows: [string, string, string][] = [];
  const nested = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>一、总体情况</p><p>本机关2023年主动公开政府信息352条。</p>${'</div>'.repeat(n)}</body></html>`;
  for (const n of [2_000, 20_000]) {
    const html = nested(n);
    rows.push([`${n.toLocaleString('en')} nested \`<div>\`s around a heading and a line (issue 14.9)`, `${(html.length / 1024).toFixed(0)} KB`, ms(await best(() => extractHtml(html)))]);
  }
  const page = reportHtml(makeReport(51, '2021'), { chrome: true, splitNumbers: true, seed: 6 });
  const deep = page.replace('<body>', `<body>${'<div>'.repeat(2_500)}`).replace('</body>', `${'</div>'.repeat(2_500)}</body>`);
  rows.push(['a report page (site chrome, three tables) inside 2,500 nested `<div>`s', `${(deep.length / 1024).toFixed(0)} KB`, ms(await best(() => extractHtml(deep)))]);
  rows.push(['the same page, not nested', `${(page.length / 1024).toFixed(0)} KB`, ms(await best(() => extractHtml(page)))]);
  const docx = await reportDocx(makeReport(52, '2021'));
  rows.push(['a Word report (mammoth, three tables)', `${(docx.length / 1024).toFixed(0)} KB`, ms(await best(() => extractFile('r.docx', docx)))]);
  const bomb = await docxBomb(300);
  rows.push(['Word file whose document part inflates to 300 MB: refused', `${(bomb.length / 1024).toFixed(0)} KB`, ms(await best(() => extractFile('bomb.docx', bomb)))]);
  const spans = new TextEncoder().encode(spanBombHtml());
  rows.push(['page of `<td rowspan=0 colspan=1000>` ×300 then 3,000 rows: refused', `${(spans.length / 1024).toFixed(0)} KB`, ms(await best(() => extractFile('spans.html', spans)))]);
  for (const f of ['testcity-2025.html', 'hongze-2024.pdf']) {
    const p = path.join(COMPLETE, f);
    if (!fs.existsSync(p)) continue;
    const bytes = new Uint8Array(fs.readFileSync(p));
    rows.push([`../shared/corpus/complete/${f}`, `${(bytes.length / 1024).toFixed(0)} KB`, ms(await best(() => extractFile(f, bytes)))]);
  }

  const table = ['| input | size | ms (best of 5) |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
  console.log(table.join('\n'));
  if (!WRITE) return;
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const section = [
    '## Extraction',
    '',
    '`npm run bench:extract`: src/extract in one Node process, best of 5 runs after a warm-up. Before the page reader was made linear (at fce66a3), 2,000 nested `<div>`s around a heading took 6.3 s here (13 s in issue 14), the report page inside 2,500 nested `<div>`s 32 s, and 20,000 nested elements overflowed the stack; the Word file and the span page drove a build with a 3 GB heap out of memory (after 50 s) before the bounds of src/extract/limits.ts.',
    '',
    ...table,
    '',
    `Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} when measured (a shared machine: read the times as an order of magnitude).`,
    '',
  ].join('\n');
  writeBenchmarksSection('Extraction', section);
  console.log(`wrote ${path.relative(process.cwd(), BENCHMARKS_FILE)} § Extraction`);
}

await main();
