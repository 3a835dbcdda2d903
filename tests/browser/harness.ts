/**
 * Browser-test harness: a plain static file server for dist/ (optionally under a
 * sub-path, as GitHub Pages serves it) and headless Debian Chromium via playwright-core.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { expect } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.sqlite': 'application/vnd.sqlite3',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Replaces a file's body for one request (return null to serve the file as is);
 * `n` counts the requests for that path so far, from 1.
 */
export type Rewrite = (rel: string, n: number) => string | null;

/**
 * Serve `dir` at `http://127.0.0.1:PORT{base}`; anything outside `base` is a 404.
 * `gzipEncoding` sends `.gz` files with `Content-Encoding: gzip`, as vite preview
 * and some hosts do (the browser then decodes them before the page sees them).
 */
export async function serveStatic(dir: string, base = '/', rewrite?: Rewrite, opts: { gzipEncoding?: boolean } = {}): Promise<StaticServer> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not under base');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const n = (hits.get(rel) ?? 0) + 1;
    hits.set(rel, n);
    const body = rewrite?.(rel, n);
    if (body != null) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(rel)] ?? 'application/octet-stream' }).end(body);
      return;
    }
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const encoding: Record<string, string> = opts.gzipEncoding && file.endsWith('.gz') ? { 'content-encoding': 'gzip' } : {};
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...encoding });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Collect page errors and failed requests so a test can assert the page is healthy. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  return errors;
}

export const DIST = path.resolve('dist');

export const SHOTS = path.join(os.tmpdir(), 'gongkai-shots');

/**
 * Open each view at desktop (1280) and phone (390) width, check that nothing
 * overflows the page sideways and the page logs no error, run `check` on it,
 * and save a full-page screenshot as SHOTS/<prefix><view>-<width>.png to look at.
 * `views`: [view, extra query string] pairs; `query` is the rest of the URL (?v=…).
 */
export async function everyView(
  browser: Browser,
  url: string,
  query: string,
  views: readonly [string, string][],
  prefix = '',
  check?: (page: Page, view: string) => Promise<void>,
): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = watchErrors(page);
    for (const [view, extra] of views) {
      await page.goto(`${url}${query}&view=${view}${extra}`);
      await page.locator('main.view h1').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} at ${width}px`).toBeLessThanOrEqual(1);
      await check?.(page, view);
      await page.screenshot({ path: path.join(SHOTS, `${prefix}${view}-${width}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  }
}

/**
 * `vite build` of the project with its own config into `outDir`, the app's
 * database import pointed at `buildDir/gongkai.sqlite` and publicDir at
 * `buildDir/public` (the detail shards and parts): a site over a test's own
 * build, the repo's build/ and dist/ untouched.
 */
export async function buildSiteOf(buildDir: string, outDir: string): Promise<void> {
  const dbFile = path.join(buildDir, 'gongkai.sqlite');
  const redirect: Plugin = {
    name: 'test-database',
    enforce: 'pre',
    // both imports: the gzipped core the page loads and the plain one its links download
    resolveId: (id) => {
      const m = /(^|\/)build\/gongkai\.sqlite(\.gz)?\?url$/.exec(id);
      return m ? `${dbFile}${m[2] ?? ''}?url` : null;
    },
  };
  await build({
    root: path.resolve('.'),
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    publicDir: path.join(buildDir, 'public'),
    plugins: [redirect],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}
