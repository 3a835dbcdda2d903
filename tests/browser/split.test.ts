/**
 * The site over a split database: the seed reports built with the split forced
 * (1-byte threshold) into a temporary build directory, `vite build` of the
 * project into a temporary outDir with that database, served locally. The
 * overview must show what the unsplit site (dist/) shows; a view filtered to
 * one year fetches only that year's part; a progress indicator shows while
 * parts download. The repo's build/ and dist/ are not touched.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { DIST, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const ROOT = path.resolve('.');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-split-site-'));
const BUILD = path.join(TMP, 'build');
const OUT = path.join(TMP, 'dist');

/** vite build of the project with its own config, the app's database import and publicDir pointed at `BUILD`. */
async function buildSite(): Promise<void> {
  const dbFile = path.join(BUILD, 'gongkai.sqlite');
  const redirect: Plugin = {
    name: 'split-test-database',
    enforce: 'pre',
    resolveId(id) {
      return /(^|\/)build\/gongkai\.sqlite\?url$/.test(id) ? `${dbFile}?url` : null;
    },
  };
  await build({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    publicDir: path.join(BUILD, 'public'),
    plugins: [redirect],
    build: { outDir: OUT, emptyOutDir: true, reportCompressedSize: false },
  });
}

/** A front for a static server that records every path asked for and holds part files back for `delayMs`. */
async function slowFront(upstream: string, delayMs: number): Promise<StaticServer & { requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    const wait = /\/data\/part-/.test(url) ? delayMs : 0;
    setTimeout(() => {
      http.get(new URL(url, upstream), (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
    }, wait);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let browser: Browser;
let split: StaticServer;
let whole: StaticServer;
/** paths requested of the split site, in order */
let requests: string[] = [];
let parts: string[];

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  const summary = await buildDatabase({
    reportsDir: path.resolve('data/reports'),
    manifestPath: path.resolve('data/manifest.csv'),
    outFile: path.join(BUILD, 'gongkai.sqlite'),
    builtAt: '2026-11-21',
    splitGzipBytes: 1,
  });
  expect(summary.parts).toBe(3);
  parts = fs.readdirSync(path.join(BUILD, 'public', 'data')).filter((f) => f.startsWith('part-')).sort();
  await buildSite();
  expect(fs.readdirSync(path.join(OUT, 'data')).filter((f) => f.startsWith('part-')).sort()).toEqual(parts);
  split = await serveStatic(OUT, '/', (rel) => {
    requests.push(rel);
    return null;
  });
  whole = await serveStatic(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await split?.close();
  await whole?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const partRequests = () => requests.filter((r) => r.startsWith('data/part-')).sort();

async function reportList(page: Page): Promise<string[]> {
  const list = page.getByRole('table', { name: /报告列表/ });
  await list.locator('tbody tr').first().waitFor({ timeout: 30_000 });
  return list.locator('tbody tr').allInnerTexts();
}

/** The overview's headline figures and the report list, once loaded. */
async function overview(page: Page): Promise<{ cards: string; list: string[] }> {
  const list = await reportList(page);
  await expect.poll(() => page.getByTestId('load-progress').count()).toBe(0);
  const cards = await page.getByRole('region', { name: '覆盖范围' }).innerText();
  return { cards, list };
}

describe('the site over per-year parts', () => {
  test('the overview lists the same reports as the unsplit site, from all three parts', async () => {
    requests = [];
    const a = await browser.newPage();
    const errors = watchErrors(a);
    await a.goto(split.url);
    const got = await overview(a);
    expect(partRequests()).toEqual(parts.map((p) => `data/${p}`));
    const b = await browser.newPage();
    await b.goto(whole.url);
    const want = await overview(b);
    expect(got.list).toEqual(want.list);
    expect(got.cards).toEqual(want.cards);
    expect(got.list.length).toBe(5);
    // the same year options (meta reads them from the index)
    const years = (p: Page) => p.getByLabel('年度', { exact: true }).locator('option').allInnerTexts();
    expect(await years(a)).toEqual(await years(b));
    expect(errors).toEqual([]);
    await a.close();
    await b.close();
  });

  test('年度 2020 至 2020 on a fresh load fetches only the 2020 part; widening to 2021 adds only 2021', async () => {
    requests = [];
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${split.url}?v=1&from=2020&to=2020`);
    const list = await reportList(page);
    expect(list.length).toBeGreaterThan(0);
    for (const row of list) expect(row).toContain('2020');
    // the list is what the unsplit site shows for the same filter
    const ref = await browser.newPage();
    await ref.goto(`${whole.url}?v=1&from=2020&to=2020`);
    expect(list).toEqual(await reportList(ref));
    await ref.close();
    expect(partRequests()).toEqual([`data/${parts.find((p) => p.startsWith('part-2020-'))}`]);

    await page.getByLabel('至', { exact: true }).selectOption('2021');
    await expect.poll(async () => (await reportList(page)).some((r) => r.includes('2021'))).toBe(true);
    expect(partRequests()).toEqual(parts.filter((p) => /^part-202[01]-/.test(p)).map((p) => `data/${p}`));
    expect(requests.filter((r) => r.includes('part-2020-'))).toHaveLength(1); // loaded once, kept
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a progress indicator shows while the parts download, and is gone after', async () => {
    const front = await slowFront(split.url, 1500);
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(front.url);
      const indicator = page.getByTestId('load-progress');
      await indicator.waitFor({ state: 'visible', timeout: 30_000 });
      await expect.poll(() => indicator.innerText()).toMatch(/正在加载 20\d\d 年数据 \(\d\/3\)…/);
      expect(await indicator.getAttribute('role')).toBe('status');
      expect(await indicator.getAttribute('aria-live')).toBe('polite');
      expect(await indicator.locator('progress').count()).toBe(1);
      // while it is up, the report list waits for the parts; once they are in, it goes
      expect(await page.getByRole('table', { name: /报告列表/ }).locator('tbody tr').count()).toBe(0);
      await indicator.waitFor({ state: 'detached', timeout: 30_000 });
      expect((await reportList(page)).length).toBe(5);
      expect(await indicator.count()).toBe(0);
      expect(front.requests.filter((r) => r.includes('/data/part-'))).toHaveLength(3);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await front.close();
    }
  });
});
