// npm run build:db — data/reports + data/manifest.csv → build/gongkai.sqlite
// Options: --data DIR (default data), --out FILE (default build/gongkai.sqlite)
// Env: GONGKAI_SPLIT_GZIP_BYTES — split the core into per-year parts and per-province directories above this gzip size (default 1 MiB)
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

const splitEnv = process.env.GONGKAI_SPLIT_GZIP_BYTES;
if (splitEnv && !/^\d+$/.test(splitEnv)) {
  console.error(`build-db: GONGKAI_SPLIT_GZIP_BYTES 应为字节数（整数），而不是 ${splitEnv}`);
  process.exit(2);
}

const summary = await buildDatabase({
  reportsDir: path.join(dataDir, 'reports'),
  manifestPath: path.join(dataDir, 'manifest.csv'),
  outFile,
  builtAt: newestInputDate([path.join(dataDir, 'reports'), path.join(dataDir, 'manifest.csv')]),
  splitGzipBytes: splitEnv ? Number(splitEnv) : undefined,
  progress: true,
  log: (l) => console.log(l),
});
if (summary.files === 0) {
  console.error(`build-db: ${path.join(dataDir, 'reports')} 中没有报告文件`);
}
