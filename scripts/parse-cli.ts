/**
 * npm run --silent parse -- [--manifest FILE] [--extract] [--files-from LIST|-] FILE|DIR...
 *
 * One JSON line per file: {file, organ, year, template, region, facts, findings, error?}.
 * Text (UTF-8/GB18030), saved web pages, PDF and Word files are read alike. Findings
 * hold every check; the cross-year ones compare the files given together (the same
 * organ in several years). A file that cannot be read gives {file, error} and the
 * others still come out.
 *
 * A folder stands for every report file under it (as the build lists data/reports/:
 * symlinks and hidden files are skipped, and said so on stderr). `--files-from`
 * reads more paths from a file, or from standard input with `-`, one a line (or
 * NUL-separated, as `find -print0` writes) — for more files than a command line
 * holds. `--extract` prints what the parser would read instead of parsing it:
 * {file, encoding, text, lineLocators, meta} or {file, error}.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ManifestRow } from '../src/parse/types';
import { cliLines } from '../src/pipeline/cliLine';
import { describeEncoding, loadManifest } from './lib/manifest';
import { extractFile } from './lib/nodeExtract';
import type { ProcessedFile } from './lib/pipeline';
import { FilePool, poolDefaults } from './lib/pool';
import { listReportFiles } from './lib/reportFiles';

const USAGE = `用法：npm run --silent parse -- [选项] 文件或文件夹…
  文件或文件夹：报告文件（.txt .html .htm .pdf .docx）；文件夹表示其中所有报告文件
  --files-from 列表：从文件读取路径，每行一个（或以 NUL 分隔）；“-”表示标准输入。
      文件很多时用它或文件夹：npm 把参数拼成一条命令，超过约 128 KB 即失败
  --manifest 清单.csv：按文件名套用清单中的机关、地区、年度、发布日期
  --extract：只输出提取的文本（encoding、text、lineLocators、meta），不解析
每个文件输出一行 JSON。`;

class UsageError extends Error {}

interface Args {
  inputs: string[];
  manifest: string | null;
  extract: boolean;
}

function readList(from: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(from === '-' ? 0 : from, 'utf8');
  } catch (e) {
    throw new UsageError(`无法读取文件列表 ${from === '-' ? '（标准输入）' : from}：${(e as Error).message}`);
  }
  return text
    .split(text.includes('\0') ? '\0' : /\r?\n/)
    .map((l) => (text.includes('\0') ? l : l.trim()))
    .filter((l) => l !== '');
}

function parseArgs(argv: string[]): Args {
  const args: Args = { inputs: [], manifest: null, extract: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} 后缺少参数`);
      return v;
    };
    if (a === '--') continue;
    else if (a === '--manifest') args.manifest = value();
    else if (a === '--files-from') args.inputs.push(...readList(value()));
    else if (a === '--extract') args.extract = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) throw new UsageError(`未知选项：${a}`);
    else args.inputs.push(a);
  }
  if (!args.inputs.length) throw new UsageError('没有给出报告文件');
  return args;
}

interface Input {
  file: string;
  /** the path inside a folder given, as the build's manifest names it */
  inFolder: string | null;
}

/** Files in the order given; a folder becomes its report files. */
function expand(inputs: string[]): Input[] {
  const out: Input[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = fs.statSync(input).isDirectory();
    } catch {
      // a missing file still gets its line: {file, error}
    }
    if (!isDir) {
      out.push({ file: input, inFolder: null });
      continue;
    }
    const { files, skipped } = listReportFiles(input);
    const dir = input.replace(/(.)\/+$/, '$1');
    for (const s of skipped) process.stderr.write(`parse: 跳过 ${dir}/${s.file}：${s.reason}\n`);
    if (!files.length) process.stderr.write(`parse: ${input} 中没有报告文件\n`);
    for (const f of files) out.push({ file: `${dir}/${f}`, inFolder: f });
  }
  return out;
}

// process.stdout, not a raw write to fd 1: a pipe may take a write only in part
const emit = (line: unknown) => process.stdout.write(JSON.stringify(line) + '\n');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let manifest = new Map<string, ManifestRow>();
  if (args.manifest) {
    const m = loadManifest(args.manifest);
    if (m.encoding && m.encoding !== 'utf-8') process.stderr.write(`parse: ${args.manifest} 编码：${describeEncoding(m.encoding)}\n`);
    for (const p of m.problems) process.stderr.write(`parse: ${args.manifest}${p.line ? ` 第 ${p.line} 行` : ''}：${p.message}\n`);
    manifest = m.rows;
  }
  const inputs = expand(args.inputs);

  if (args.extract) {
    for (const { file } of inputs) {
      let bytes: Uint8Array;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        emit({ file, error: `无法读取文件：${(e as Error).message}` });
        continue;
      }
      const r = await extractFile(file, bytes);
      emit('error' in r ? { file, error: r.error } : { file, encoding: r.encoding, text: r.text, lineLocators: r.lineLocators, meta: r.meta });
    }
    return;
  }

  // every core parses (the build's file workers), each file within the time budget; output in input order
  // a worker per 8 files at most: each starts tsx and builds the division index (1–3 s), which a few files do not repay
  const pool = new FilePool({ workers: Math.max(1, Math.min(poolDefaults().workers, Math.ceil(inputs.length / 8))) });
  const t0 = performance.now();
  let done: ProcessedFile[];
  try {
    done = await pool.processAll(
      inputs.map(({ file, inFolder }) => ({
        path: file,
        name: file,
        manifest: (inFolder !== null ? manifest.get(inFolder) : undefined) ?? manifest.get(path.basename(file)) ?? manifest.get(file) ?? null,
      })),
    );
  } finally {
    await pool.close();
  }

  const t1 = performance.now();
  const lines = cliLines(done);
  const t2 = performance.now();
  for (const line of lines) emit(line);
  // for the benchmark: where the time went (GONGKAI_CLI_PHASES=1), on stderr so stdout stays the contract
  if (process.env.GONGKAI_CLI_PHASES) {
    const s = (a: number, b: number) => Math.round(b - a) / 1000;
    process.stderr.write(`parse-phases ${JSON.stringify({ workers: pool.workers, files: s(t0, t1), collection: s(t1, t2), output: s(t2, performance.now()) })}\n`);
  }
}

try {
  await main();
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`parse: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`parse: 出错，已停止：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
}
