import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIST, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const SEED_ORGANS = ['连生乡', '城郊乡人民政府', '绥滨县连生乡人民政府', '绥棱县后头乡', '刘楼乡'];

let browser: Browser;
beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built site', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(DIST);
  });
  afterAll(async () => server?.close());

  test('lists the five seed reports, read from the SQLite file with sql.js', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const text = await page.locator('table tbody').innerText();
    for (const organ of SEED_ORGANS) expect(text).toContain(organ);
    expect(await rows.count()).toBe(5);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(os.tmpdir(), 'gongkai-site.png'), fullPage: true });
    await page.close();
  });
});

// Guard: prove this harness notices a broken page. A copy of dist/ without its
// database must show the error message, and the report table must not appear.
describe('guard: a broken page is detected', () => {
  let server: StaticServer;
  let broken: string;
  beforeAll(async () => {
    broken = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-broken-'));
    fs.cpSync(DIST, broken, { recursive: true });
    for (const f of fs.readdirSync(path.join(broken, 'assets'))) {
      if (f.endsWith('.sqlite')) fs.rmSync(path.join(broken, 'assets', f));
    }
    server = await serveStatic(broken);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(broken, { recursive: true, force: true });
  });

  test('without the database the page says so instead of listing reports', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain('数据库');
    expect(await page.locator('table tbody tr').count()).toBe(0);
    await page.close();
  });
});
