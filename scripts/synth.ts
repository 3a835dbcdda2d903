/**
 * Write a corpus of synthetic reports with their truth:
 *
 *   tsx scripts/synth.ts --count N --out DIR [--seed S] [--template 2019|2021]
 *                        [--layout NAME | --layouts NAME,NAME,…|new|all] [--zero-share F]
 *
 * DIR gets NNNNNN.txt (the report; NNNNNN.md for the markdown layouts
 * detached-labels and ocr-tables), NNNNNN.json (truth, the shape of
 * ../shared/corpus/seeds/*.json: file, organ, year, template, province, city,
 * county, facts, absent, blank) and manifest.csv (file, organ, province, city,
 * county, level, year, source_url, published). Report i uses seed S + i, so any
 * report can be regenerated alone. Files are written as they are generated.
 *
 * Without --layout or --layouts each report draws one of the six layouts every
 * seed has always drawn from (LAYOUTS). --layouts takes the listed layouts in
 * turn — report i is generateReport(S + i, { layout: list[i % list.length] }) —
 * `new` for the flattened, detached-labels and ocr-tables layouts, `all` for
 * every layout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_LAYOUTS, NEW_LAYOUTS, generateReport, type LayoutName, type SynthReport } from './synth/index';

interface Args {
  count: number;
  out: string;
  seed: number;
  template?: '2019' | '2021';
  /** the layouts taken in turn; undefined: each report draws its own */
  layouts?: readonly LayoutName[];
  zeroShare?: number;
}

const USAGE = 'usage: tsx scripts/synth.ts --count N --out DIR [--seed S] [--template 2019|2021] [--layout NAME | --layouts NAME,NAME,…|new|all] [--zero-share F]';

function layoutList(spec: string): LayoutName[] {
  if (spec === 'all') return [...ALL_LAYOUTS];
  if (spec === 'new') return [...NEW_LAYOUTS];
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!ALL_LAYOUTS.includes(n as LayoutName)) throw new Error(`--layouts: unknown layout ${n} (known: ${ALL_LAYOUTS.join(', ')}, or new, all)`);
  if (!names.length) throw new Error('--layouts needs at least one layout');
  return names as LayoutName[];
}

/** the file a report is written to: markdown layouts as .md, the others as .txt */
export function reportFileName(name: string, layout: LayoutName): string {
  return `${name}${layout === 'detached-labels' || layout === 'ocr-tables' ? '.md' : '.txt'}`;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(get('count'));
  const out = get('out');
  if (!Number.isInteger(count) || count < 0 || !out) {
    console.error(USAGE);
    process.exit(2);
  }
  const template = get('template');
  if (template !== undefined && template !== '2019' && template !== '2021') throw new Error(`--template must be 2019 or 2021, not ${template}`);
  const layout = get('layout');
  if (layout !== undefined && !ALL_LAYOUTS.includes(layout as LayoutName)) throw new Error(`--layout must be one of ${ALL_LAYOUTS.join(', ')}`);
  const spec = get('layouts');
  if (layout !== undefined && spec !== undefined) throw new Error('give --layout or --layouts, not both');
  const layouts = layout !== undefined ? [layout as LayoutName] : spec !== undefined ? layoutList(spec) : undefined;
  const zero = get('zero-share');
  const zeroShare = zero === undefined ? undefined : Number(zero);
  if (zeroShare !== undefined && !(zeroShare >= 0 && zeroShare <= 1)) throw new Error('--zero-share must be between 0 and 1');
  return { count, out, seed: Number(get('seed') ?? 1), template, layouts, zeroShare };
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function truthJson(file: string, r: SynthReport): string {
  const facts: Record<string, number | null> = {};
  // a dash states no number: listed as absent (the parser must give null), not among the facts
  const dash = new Set(r.dash);
  for (const [k, v] of Object.entries(r.facts)) if (!dash.has(k)) facts[k] = v;
  return JSON.stringify(
    {
      file,
      organ: r.organ,
      year: r.year,
      template: r.template,
      province: r.province,
      city: r.city,
      county: r.county,
      level: r.level,
      layout: r.layout,
      facts,
      absent: r.dash,
      blank: r.blank,
    },
  );
}

export function sourceUrl(r: SynthReport, seed: number): string {
  const [y, m, d] = r.published.split('-');
  return `http://www.gov${r.code.slice(0, 6)}.gov.cn/xxgk/zfxxgknb/${r.year}/${y}${m}/t${y}${m}${d}_${seed}.html`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.out, { recursive: true });
  const manifest = fs.openSync(path.join(args.out, 'manifest.csv'), 'w');
  fs.writeSync(manifest, 'file,organ,province,city,county,level,year,source_url,published\n');
  const width = Math.max(6, String(args.count).length);
  const t0 = performance.now();
  for (let i = 0; i < args.count; i++) {
    const seed = args.seed + i;
    const layout = args.layouts?.[i % args.layouts.length];
    const r = generateReport(seed, { template: args.template, layout, zeroShare: args.zeroShare });
    const name = String(i + 1).padStart(width, '0');
    const file = reportFileName(name, r.layout);
    fs.writeFileSync(path.join(args.out, file), r.text);
    fs.writeFileSync(path.join(args.out, `${name}.json`), truthJson(file, r));
    const row = [file, r.organ, r.province, r.city, r.county, r.level, r.year, sourceUrl(r, seed), r.published];
    fs.writeSync(manifest, `${row.map(csvField).join(',')}\n`);
    if ((i + 1) % 10000 === 0) console.error(`${i + 1} reports, ${((i + 1) / ((performance.now() - t0) / 1000)).toFixed(0)}/s`);
  }
  fs.closeSync(manifest);
  console.error(`wrote ${args.count} reports to ${args.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) main();
