/**
 * The build's date (build_info.built_at, shown as 构建日期): the date of the newest
 * input, never the clock, so the same inputs give the same file. An input's date is
 * its last commit when git tracks it unchanged, else its modification time (a report
 * just added, or edited and not yet committed). SOURCE_DATE_EPOCH overrides. UTC days.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const day = (d: Date) => d.toISOString().slice(0, 10);

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isFile()) out.push(p);
  else if (st.isDirectory()) for (const e of fs.readdirSync(p)) if (!e.startsWith('.')) walk(path.join(p, e), out);
}

/** @param inputs the report folder and the manifest (files or folders) */
export function newestInputDate(inputs: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return day(new Date(Number(epoch) * 1000));
  const files: string[] = [];
  for (const p of inputs) walk(path.resolve(p), files);
  if (!files.length) return null;
  const cwd = path.dirname(files[0]);
  const top = git(['rev-parse', '--show-toplevel'], cwd)?.trim();
  let newest = 0;
  const later = (ms: number) => (newest = Math.max(newest, ms));
  if (!top) {
    for (const f of files) later(fs.statSync(f).mtimeMs);
    return day(new Date(newest));
  }
  // files git does not have as committed: untracked, modified, staged — their own time
  const status = git(['status', '--porcelain', '-z', '--untracked-files=all', '--', ...inputs.map((p) => path.resolve(p))], top) ?? '';
  const dirty = new Set(
    status
      .split('\0')
      .filter((e) => e.length > 3)
      .map((e) => path.resolve(top, e.slice(3))),
  );
  const committed: string[] = [];
  for (const f of files) {
    if (dirty.has(f)) later(fs.statSync(f).mtimeMs);
    else committed.push(f);
  }
  if (committed.length) {
    const iso = git(['log', '-1', '--format=%cI', '--', ...inputs.map((p) => path.resolve(p))], top)?.trim();
    if (iso) later(Date.parse(iso));
    else for (const f of committed) later(fs.statSync(f).mtimeMs); // in a repository, never committed
  }
  return day(new Date(newest));
}
