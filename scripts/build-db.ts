// npm run build:db — data/reports + data/manifest.csv → build/gongkai.sqlite
// Options: --data DIR (default data), --out FILE (default build/gongkai.sqlite)
// Env: GONGKAI_SPLIT_GZIP_BYTES — split the core into per-year parts and per-province directories above this gzip size (default 1 MiB)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildDatabase } from './lib/buildDatabase';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const dataDir = path.resolve(opt('--data', 'data'));
const outFile = path.resolve(opt('--out', 'build/gongkai.sqlite'));

/** The build date comes from the inputs, never the clock: SOURCE_DATE_EPOCH, else the data's last commit. */
function builtAt(): string | null {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  try {
    const iso = execFileSync('git', ['log', '-1', '--format=%cI', '--', dataDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return iso ? iso.slice(0, 10) : null;
  } catch {
    return null;
  }
}

const splitEnv = process.env.GONGKAI_SPLIT_GZIP_BYTES;
if (splitEnv && !/^\d+$/.test(splitEnv)) {
  console.error(`build-db: GONGKAI_SPLIT_GZIP_BYTES 应为字节数（整数），而不是 ${splitEnv}`);
  process.exit(2);
}

const summary = await buildDatabase({
  reportsDir: path.join(dataDir, 'reports'),
  manifestPath: path.join(dataDir, 'manifest.csv'),
  outFile,
  builtAt: builtAt(),
  splitGzipBytes: splitEnv ? Number(splitEnv) : undefined,
  progress: true,
  log: (l) => console.log(l),
});
if (summary.files === 0) {
  console.error(`build-db: ${path.join(dataDir, 'reports')} 中没有报告文件`);
}
