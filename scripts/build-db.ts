// npm run build:db — data/reports + data/manifest.csv → build/gongkai.sqlite
// Options: --data DIR (default data), --out FILE (default build/gongkai.sqlite)
// Env: GONGKAI_LARGE_DOWNLOAD_BYTES — the site asks before a query downloads more than this of parts (default 8 MiB)
// Env: GONGKAI_SPLIT_GZIP_BYTES — split the core into parts (one year of one province each) and per-province directories above this gzip size (default 1 MiB)
import path from 'node:path';
import { newestInputDate } from './lib/buildDate';
import { buildDatabase } from './lib/buildDatabase';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const dataDir = path.resolve(opt('--data', 'data'));
const outFile = path.resolve(opt('--out', 'build/gongkai.sqlite'));

function bytesEnv(name: string): number | undefined {
  const v = process.env[name];
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) {
    console.error(`build-db: ${name} 应为字节数（整数），而不是 ${v}`);
    process.exit(2);
  }
  return Number(v);
}
const splitGzipBytes = bytesEnv('GONGKAI_SPLIT_GZIP_BYTES');
const largeDownloadBytes = bytesEnv('GONGKAI_LARGE_DOWNLOAD_BYTES');

const summary = await buildDatabase({
  reportsDir: path.join(dataDir, 'reports'),
  manifestPath: path.join(dataDir, 'manifest.csv'),
  outFile,
  builtAt: newestInputDate([path.join(dataDir, 'reports'), path.join(dataDir, 'manifest.csv')]),
  splitGzipBytes,
  largeDownloadBytes,
  progress: true,
  log: (l) => console.log(l),
});
if (summary.files === 0) {
  console.error(`build-db: ${path.join(dataDir, 'reports')} 中没有报告文件`);
}
