import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveStatic, watchErrors, type StaticServer } from '../browser/harness';

// GitHub Pages serves a project site under /<repo>/: build for such a sub-path
// and serve it there with a plain static server, nothing at /.
const BASE = '/gongkai/';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-subpath-'));

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  expect(fs.existsSync('build/gongkai.sqlite'), 'npm run build:db ran first').toBe(true);
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, BASE_PATH: BASE },
    stdio: 'inherit',
  });
  server = await serveStatic(out, BASE);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe(`the site built with BASE_PATH=${BASE}`, () => {
  test('references nothing under an absolute /assets/ path', () => {
    const texts = walk(out).filter((f) => /\.(html|js|css)$/.test(f));
    expect(texts.length).toBeGreaterThan(1);
    for (const f of texts) {
      const s = fs.readFileSync(f, 'utf8');
      expect(s.match(/["'(`]\/assets\//g), path.relative(out, f)).toBeNull();
    }
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain(`${BASE}assets/`);
  });

  test('loads its scripts, the sql.js wasm and the database under the sub-path', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(server.url);
    await page.getByText('刘楼乡').first().waitFor({ timeout: 30_000 });
    expect(requested.some((p) => p.startsWith(`${BASE}assets/`) && p.endsWith('.wasm'))).toBe(true);
    expect(requested.some((p) => p.startsWith(`${BASE}assets/`) && p.endsWith('.sqlite'))).toBe(true);
    expect(requested.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
