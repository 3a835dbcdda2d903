/**
 * The report files of a folder, for the build and the parse CLI: every regular
 * file under it, sorted, as a path relative to it with '/' separators. Nothing
 * is left out silently: a symbolic link (it could point anywhere on the machine
 * that builds and publish what it finds), a hidden file or folder (`.DS_Store`,
 * an editor's `.~lock` file, `.git/`) and anything that is not a regular file
 * come back as skipped, with the reason.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SkippedFile {
  /** relative to the folder listed; a hidden folder ends in '/' */
  file: string;
  reason: string;
  /** size of a hidden regular file; 0 otherwise */
  bytes: number;
}

export interface ReportFiles {
  files: string[];
  skipped: SkippedFile[];
}

function countFiles(dir: string): number {
  let n = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) stack.push(path.join(d, e.name));
      else n++;
    }
  }
  return n;
}

export function listReportFiles(dir: string): ReportFiles {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  if (!fs.existsSync(dir)) return { files, skipped };
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) {
        skipped.push({ file: rel(p), reason: '符号链接，未读取（只读取报告文件夹中的普通文件）', bytes: 0 });
      } else if (e.name.startsWith('.')) {
        if (e.isDirectory()) skipped.push({ file: `${rel(p)}/`, reason: `隐藏文件夹（以“.”开头），其中 ${countFiles(p)} 个文件未读取`, bytes: 0 });
        else skipped.push({ file: rel(p), reason: '隐藏文件（以“.”开头），未读取', bytes: e.isFile() ? fs.statSync(p).size : 0 });
      } else if (e.isDirectory()) {
        stack.push(p);
      } else if (e.isFile()) {
        files.push(rel(p));
      } else {
        skipped.push({ file: rel(p), reason: '不是普通文件（管道、套接字或设备），未读取', bytes: 0 });
      }
    }
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: files.sort(), skipped };
}
