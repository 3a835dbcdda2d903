/**
 * GitHub Pages serves a project site under /<repo>/: build for such a sub-path,
 * serve it there with a plain static file server (nothing at /), and run the
 * main journey: load, filter, open a report, download a chart's CSV.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, serveStatic, watchErrors, type StaticServer } from '../browser/harness';

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

  test('the main journey: load, filter, open a report, see a figure’s source, download a CSV', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));

    // load: scripts, the sql.js wasm and the database all come from under the sub-path
    await page.goto(server.url);
    const list = page.getByRole('table', { name: /报告列表/ });
    await list.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await list.locator('tbody tr').count()).toBe(5);
    expect(requested.some((p) => p.startsWith(`${BASE}assets/`) && p.endsWith('.wasm'))).toBe(true);
    // the page loads the gzipped core (Pages does not compress .sqlite), never the plain copy its links download
    expect(requested.some((p) => p.startsWith(`${BASE}assets/`) && p.endsWith('.sqlite.gz'))).toBe(true);
    expect(requested.some((p) => p.endsWith('.sqlite'))).toBe(false);
    expect(requested.filter((p) => !p.startsWith(BASE))).toEqual([]);

    // filter: 黑龙江省 leaves the three 黑龙江 reports; the query string keeps it
    await page.getByLabel('省份').selectOption('黑龙江省');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('province')).toBe('黑龙江省');
    expect(new URL(page.url()).pathname).toBe(BASE);

    // open a report and click a figure: its source line shows
    await list.getByRole('link', { name: '绥棱县后头乡' }).click();
    const amount = page.locator('button.fig[data-key="s2.procurement.amount"]');
    await amount.waitFor({ timeout: 30_000 });
    await amount.click();
    await expect.poll(() => page.getByTestId('source-line').innerText()).toContain('190');
    expect(new URL(page.url()).pathname).toBe(BASE);

    // download a chart's data
    await page.getByRole('link', { name: '概览' }).click();
    const chart = page.locator('figure').filter({ has: page.locator('figcaption', { hasText: '各年度报告数' }) });
    await chart.locator('svg').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: '下载CSV' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    // the province filter holds: 黑龙江 has two 2020 reports and one 2021 report
    const byYear = Object.fromEntries(rows.filter((r) => r.数值 !== '0' && r.数值 !== '').map((r) => [`${r.年度}/${r.模板}`, r.数值]));
    expect(byYear).toEqual({ '2020/2019': '2', '2021/2021': '1' });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a page cached from before a new deploy reloads once and recovers', async () => {
    // the first index.html names a main script that no longer exists
    const real = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    const stale = real.replace(/assets\/index-[\w-]+\.js/, 'assets/index-GONE0000.js');
    expect(stale).not.toBe(real);
    const staleServer = await serveStatic(out, BASE, (rel, n) => (rel === 'index.html' && n === 1 ? stale : null));
    const page = await browser.newPage();
    await page.goto(staleServer.url);
    await page.getByRole('table', { name: /报告列表/ }).locator('tbody tr').first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('table', { name: /报告列表/ }).locator('tbody tr').count()).toBe(5);
    await page.close();
    await staleServer.close();
  });
});
