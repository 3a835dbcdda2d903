/** Replace (or append) one `## <title>` section of BENCHMARKS.md, leaving every other section alone. */
import fs from 'node:fs';
import path from 'node:path';

export const BENCHMARKS_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'BENCHMARKS.md');

export function writeBenchmarksSection(title: string, section: string, file = BENCHMARKS_FILE): void {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = old.search(new RegExp(`^## ${title}\\s*$`, 'm'));
  let next: string;
  if (start < 0) next = `${old.trimEnd()}\n\n${section}`;
  else {
    const rest = old.slice(start + 1);
    const endRel = rest.search(/^## /m);
    const end = endRel < 0 ? old.length : start + 1 + endRel;
    next = `${old.slice(0, start)}${section}${end < old.length ? `\n${old.slice(end)}` : ''}`;
  }
  fs.writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
}
