/**
 * The built dashboard in headless Chromium, checked against the database file it
 * serves (build/gongkai.sqlite opened here with sql.js).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from 'sql.js';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { DIST, SHOTS, everyView, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const SEED_ORGANS = ['连生乡', '城郊乡人民政府', '绥滨县连生乡人民政府', '绥棱县后头乡', '刘楼乡'];

let browser: Browser;
let db: Database;
const all = (sql: string, params: (string | number)[] = []) => {
  const res = db.exec(sql, params);
  if (!res.length) return [] as Record<string, unknown>[];
  return res[0].values.map((v) => Object.fromEntries(res[0].columns.map((c, i) => [c, v[i]])));
};

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  db = await openBuiltDatabase(path.resolve('build/gongkai.sqlite'));
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  db?.close();
});

/** The first county (with its province and city) that has reports in two or more years. */
function countyWithYears() {
  const [r] = all(`SELECT o.province, o.city, o.county, MAX(r.year) AS year FROM reports r JOIN organs o USING (organ_id)
    WHERE o.county IS NOT NULL GROUP BY o.province, o.city, o.county HAVING COUNT(DISTINCT r.year) > 1 ORDER BY o.province, o.city, o.county LIMIT 1`);
  return r as { province: string; city: string; county: string; year: number };
}

async function pickRegionAndYear(page: Page, c: ReturnType<typeof countyWithYears>) {
  await page.getByLabel('省份').selectOption(c.province);
  await page.getByLabel('城市').selectOption(c.city);
  await page.getByLabel('区县').selectOption(c.county);
  await page.getByLabel('年度', { exact: true }).selectOption(String(c.year));
  await page.getByLabel('至', { exact: true }).selectOption(String(c.year));
}

const figure = (page: Page, title: string | RegExp) => page.locator('figure').filter({ has: page.locator('figcaption', { hasText: title }) });

async function tableRows(page: Page, fig: ReturnType<typeof figure>) {
  await fig.locator('summary').first().click();
  const rows = await fig.locator('table.data tbody tr').allInnerTexts();
  await fig.locator('summary').first().click();
  return rows;
}

describe('the built site', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(DIST);
  });
  afterAll(async () => server?.close());

  test('loads and lists the reports of the database, read with sql.js in a worker', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    const list = page.getByRole('table', { name: /报告列表/ });
    await list.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const expected = all('SELECT COALESCE(r.organ_name, o.name) AS organ FROM reports r JOIN organs o USING (organ_id)');
    expect(await list.locator('tbody tr').count()).toBe(Math.min(50, expected.length));
    const text = await list.locator('tbody').innerText();
    for (const r of expected.slice(0, 50)) expect(text).toContain(String(r.organ));
    if (expected.length === 5) for (const organ of SEED_ORGANS) expect(text).toContain(organ);
    // the build date and the whole database are offered on the overview
    const built = all("SELECT value FROM build_info WHERE key = 'built_at'")[0]?.value;
    if (built) await expect.poll(() => page.locator('.build time').innerText()).toBe(String(built));
    expect(await page.getByRole('link', { name: /下载完整数据库/ }).getAttribute('href')).toMatch(/\.sqlite$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('picking a county and a year changes the charts, and the URL reproduces the view', async () => {
    const c = countyWithYears();
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=applications`);
    const outcomes = figure(page, '办理结果');
    await outcomes.locator('svg').waitFor({ timeout: 30_000 });
    const before = await tableRows(page, outcomes);

    await pickRegionAndYear(page, c);
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe(c.county);
    await expect.poll(async () => (await tableRows(page, outcomes)).join('\n')).not.toBe(before.join('\n'));
    const after = await tableRows(page, outcomes);
    // only the chosen year is drawn, and 予以公开 is the database's sum for that county and year
    for (const row of after) expect(row).toContain(String(c.year));
    const [sum] = all(
      `SELECT SUM(r.s3_granted_total) AS v, COUNT(r.s3_granted_total) AS n FROM reports r JOIN organs o USING (organ_id)
       WHERE o.province = ? AND o.city = ? AND o.county = ? AND r.year = ?`,
      [c.province, c.city, c.county, c.year],
    );
    const granted = after.find((r) => r.includes('予以公开'))!;
    expect(granted).toContain(sum.n ? String(sum.v) : '未填报');

    // a shared link opens the same view
    const shared = page.url();
    const again = await browser.newPage();
    await again.goto(shared);
    const outcomes2 = figure(again, '办理结果');
    await outcomes2.locator('summary').waitFor({ timeout: 30_000 });
    expect(await again.getByLabel('区县').inputValue()).toBe(c.county);
    expect(await again.getByLabel('年度', { exact: true }).inputValue()).toBe(String(c.year));
    await expect.poll(async () => (await tableRows(again, outcomes2)).join('\n')).toBe(after.join('\n'));
    await again.close();

    // back undoes the last filter change (年度至), forward redoes it
    await page.goBack();
    await expect.poll(() => page.getByLabel('至', { exact: true }).inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => page.getByLabel('至', { exact: true }).inputValue()).toBe(String(c.year));
    expect(errors).toEqual([]);
    await page.close();
  });

  test("clicking a figure of a report shows the source line it came from", async () => {
    const [cell] = all(
      `SELECT p.report_id, p.key, p.line, p.line_text, p.read FROM cell_provenance p JOIN reports r USING (report_id)
       WHERE p.line IS NOT NULL AND p.line_text IS NOT NULL AND p.key LIKE 's3.new.%' ORDER BY p.report_id, p.key LIMIT 1`,
    );
    expect(cell, 'the database has a located cell').toBeTruthy();
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=report&report=${cell.report_id}`);
    const fig = page.locator(`button.fig[data-key="${cell.key}"]`);
    await fig.waitFor({ timeout: 30_000 });
    await fig.click();
    const line = page.getByTestId('source-line');
    await expect.poll(() => line.innerText()).toBe(String(cell.line_text).trim());
    expect(await page.locator('.source-panel').innerText()).toContain(`原文第 ${cell.line} 行`);
    // and how it was read (the seeds print every figure in a cell of its own)
    expect(cell.read).toBe('printed');
    expect(await page.getByTestId('source-read').innerText()).toBe('读取方式：单独印在一个单元格中，原样读取');
    // the lines just above it show which row a bare number belongs to
    const [above] = all('SELECT text FROM source_lines WHERE report_id = ? AND line < ? ORDER BY line DESC LIMIT 1', [Number(cell.report_id), Number(cell.line)]);
    if (above) expect(await page.getByTestId('source-context').innerText()).toContain(String(above.text).trim());
    expect(errors).toEqual([]);
    await page.close();
  });

  test('对比 shows two reports of one detail file side by side (their detail loads share one fetch)', async () => {
    const pair = all(
      `SELECT r.report_id, COALESCE(r.organ_name, o.name) AS organ, r.s3_new_total FROM reports r JOIN organs o USING (organ_id)
       WHERE r.s3_new_total IS NOT NULL ORDER BY r.report_id LIMIT 2`,
    );
    expect(pair).toHaveLength(2);
    const [shard] = all('SELECT COUNT(*) AS n FROM shards WHERE first_report_id <= ? AND last_report_id >= ?', [Number(pair[0].report_id), Number(pair[1].report_id)]);
    expect(shard.n, 'both reports are in one detail file').toBe(1);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=compare&a=${pair[0].report_id}&b=${pair[1].report_id}`);
    const fig = figure(page, new RegExp(`主要数字：${pair[0].organ} \\d{4} 与 ${pair[1].organ} \\d{4}`));
    await fig.waitFor({ timeout: 30_000 });
    const [label] = all("SELECT label FROM fact_keys WHERE key = 's3.new.total'");
    const row = page.locator('details table.data tbody tr').filter({ has: page.getByRole('rowheader', { name: String(label.label), exact: true }) });
    const cells = await row.locator('td').allInnerTexts();
    const n = (v: unknown) => Number(v).toLocaleString('zh-CN');
    expect(cells.slice(0, 2)).toEqual([n(pair[0].s3_new_total), n(pair[1].s3_new_total)]);
    expect(await page.getByText('选择两份报告后显示对比').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a chart's CSV holds exactly the rows it draws, as in the database", async () => {
    const [top] = all(`SELECT COUNT(*) AS n FROM reports WHERE template = '2019'`);
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    // 主动公开 ranking of 行政处罚 decisions on the 2019 template, one bar per report
    await page.goto(`${server.url}?v=1&view=proactive&template=2019&metric=punishment`);
    const ranked = figure(page, /各报告排名/);
    await ranked.getByRole('button', { name: '下载CSV' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => ranked.getByRole('button', { name: '下载CSV' }).isEnabled()).toBe(Number(top.n) > 0);
    const [download] = await Promise.all([page.waitForEvent('download'), ranked.getByRole('button', { name: '下载CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^主动公开排名-行政处罚.*2019模板\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    const expected = all(
      `SELECT COALESCE(r.organ_name, o.name) AS organ, o.province, o.city, o.county, r.year, r.template, r.s2_punishment_decisions AS value
       FROM reports r JOIN organs o USING (organ_id) WHERE r.template = '2019' AND r.s2_punishment_decisions IS NOT NULL
       ORDER BY r.s2_punishment_decisions DESC, o.name, r.year LIMIT 25`,
    );
    expect(rows.map((r) => [r.机关, r.省份, r.城市, r.区县, r.年度, r.模板, r.key, r.单位, r.数值])).toEqual(
      expected.map((e) => [e.organ, e.province ?? '', e.city ?? '', e.county ?? '', String(e.year), '2019', 's2.punishment.decisions', '项', String(e.value)]),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an aggregate CSV keeps unstated figures empty, never 0', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${server.url}?v=1&view=proactive`);
    const trend = figure(page, '年度趋势');
    await trend.locator('svg').first().waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), trend.getByRole('button', { name: '下载CSV' }).click()]);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync((await download.path())!, 'utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const [db1] = all(`SELECT SUM(${r.key.replaceAll('.', '_')}) AS v, COUNT(${r.key.replaceAll('.', '_')}) AS n FROM reports WHERE year = ? AND template = ?`, [Number(r.年度), r.模板]);
      expect([r.数值, r.报告数]).toEqual([db1.n ? String(db1.v) : '', String(db1.n)]);
    }
    await page.close();
  });

  test('every view renders at desktop and phone width (screenshots in the temp dir)', async () => {
    const [rep] = all('SELECT report_id FROM reports ORDER BY report_id LIMIT 2');
    const reps = all('SELECT report_id FROM reports ORDER BY report_id LIMIT 2').map((r) => r.report_id);
    const views: [string, string][] = [
      ['overview', ''],
      ['proactive', ''],
      ['applications', '&outcome=denied'],
      ['procurement', ''],
      ['compliance', ''],
      ['report', `&report=${rep.report_id}`],
      ['compare', `&a=${reps[0]}&b=${reps[1] ?? reps[0]}`],
    ];
    await everyView(browser, server.url, '?v=1', views, '', async (page) => {
      for (const f of await page.locator('figure').all()) {
        expect(await f.locator('figcaption').count()).toBe(1);
        expect(await f.getByRole('button', { name: '下载CSV' }).count()).toBe(1);
      }
    });
  });
});

// The sub-path (GitHub Pages) journey is in tests/pages/subpath.test.ts.

// Guard: prove this harness notices a broken page. A copy of dist/ without its
// database must show the error message, and the report table must not appear.
describe('guard: a broken page is detected', () => {
  let server: StaticServer;
  let broken: string;
  beforeAll(async () => {
    broken = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-broken-'));
    fs.cpSync(DIST, broken, { recursive: true });
    for (const f of fs.readdirSync(path.join(broken, 'assets'))) {
      // the core the page loads (gongkai-….sqlite.gz) and the plain copy its links download
      if (/\.sqlite(\.gz)?$/.test(f)) fs.rmSync(path.join(broken, 'assets', f));
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

// vite preview (and some hosts) send a .gz data file with Content-Encoding: gzip,
// so the browser has decoded it before the worker sees it; the page must still open it.
describe('a server that sends the .gz data files with Content-Encoding: gzip', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(DIST, '/', undefined, { gzipEncoding: true });
  });
  afterAll(async () => server?.close());

  test("a report's detail file opens and a figure shows its source line", async () => {
    const [cell] = all(
      `SELECT p.report_id, p.key, p.line_text FROM cell_provenance p
       WHERE p.line_text IS NOT NULL AND p.key LIKE 's3.new.%' ORDER BY p.report_id, p.key LIMIT 1`,
    );
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const encoded: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.gz') && r.headers()['content-encoding'] === 'gzip') encoded.push(r.url());
    });
    await page.goto(`${server.url}?v=1&view=report&report=${cell.report_id}`);
    const fig = page.locator(`button.fig[data-key="${cell.key}"]`);
    await fig.waitFor({ timeout: 30_000 });
    await fig.click();
    await expect.poll(() => page.getByTestId('source-line').innerText()).toBe(String(cell.line_text).trim());
    expect(encoded.length, 'the detail file came content-encoded').toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
