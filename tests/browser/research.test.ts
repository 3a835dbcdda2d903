/**
 * The researchers' views in the built site (dist/, headless Chromium), checked
 * against the database file it serves: 查询 (SQL in the page, read-only, in a
 * worker of its own), 表格生成器 (reports × chosen figures) and 数据说明 (the
 * database describing itself).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { DIST, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const SHOTS = path.join(os.tmpdir(), 'gongkai-shots');

let browser: Browser;
let db: Database;
let server: StaticServer;
const all = (sql: string, params: (string | number)[] = []) => {
  const res = db.exec(sql, params);
  if (!res.length) return { columns: [] as string[], values: [] as unknown[][] };
  return res[0];
};

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  db = await openBuiltDatabase(path.resolve('build/gongkai.sqlite'));
  browser = await launchBrowser();
  server = await serveStatic(DIST);
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
});

/** The rows the result table shows, as text per cell. */
async function shownRows(page: Page): Promise<string[][]> {
  return page.locator('.result-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function downloadCsv(page: Page, scope = page.locator('main')): Promise<{ name: string; text: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.getByRole('button', { name: '下载CSV' }).first().click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data };
}

const sqlStatus = (page: Page) => page.locator('.sql-status');
const editor = (page: Page) => page.getByLabel('SQL', { exact: true });

async function openSql(page: Page, query = '') {
  await page.goto(`${server.url}?v=1&view=sql${query}`);
  await editor(page).waitFor({ timeout: 30_000 });
}

describe('查询: SQL in the page', () => {
  test('an example query runs with one click; its CSV holds exactly the rows shown, which are the database’s', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    await openSql(page);
    await page.getByRole('button', { name: '各省历年新收申请' }).click();
    await expect.poll(() => sqlStatus(page).innerText(), { timeout: 30_000 }).toMatch(/^共 \d+ 行/);
    const sql = await editor(page).inputValue();
    const want = all(sql);
    const shown = await shownRows(page);
    expect(shown.length).toBe(want.values.length);
    expect(shown).toEqual(want.values.map((r) => r.map((v) => (v === null ? 'NULL' : String(v)))));
    const headers = await page.locator('.result-table thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['省份', '年度', '报告数', '填报份数', '新收申请']);

    const csv = await downloadCsv(page);
    expect(csv.name).toBe('各省历年新收申请.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    expect(csv.rows[0]).toEqual(want.columns);
    // NULL is an empty cell in the CSV, never 0
    expect(csv.rows.slice(1)).toEqual(shown.map((r) => r.map((c) => (c === 'NULL' ? '' : c))));
    // the query is in the URL: a link reproduces it
    expect(new URL(page.url()).searchParams.get('sql')).toBe(sql);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a query typed in the editor survives a reload through the URL, and runs again', async () => {
    const page = await browser.newPage();
    await openSql(page);
    const sql = "SELECT check_id, title FROM checks WHERE severity = 'info' ORDER BY check_id";
    await editor(page).fill(sql);
    await expect.poll(() => new URL(page.url()).searchParams.get('sql')).toBe(sql);
    await page.reload();
    await editor(page).waitFor();
    expect(await editor(page).inputValue()).toBe(sql);
    await expect.poll(() => sqlStatus(page).innerText(), { timeout: 30_000 }).toMatch(/^共 \d+ 行/);
    expect(await shownRows(page)).toEqual(all(sql).values.map((r) => r.map(String)));
    await page.close();
  });

  test("a syntax error shows SQLite's own message; a write is refused by SQLite and changes nothing", async () => {
    const page = await browser.newPage();
    await openSql(page);
    await editor(page).fill('SELEC year FROM reports');
    await editor(page).press('Control+Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain('near "SELEC": syntax error');
    expect(await alert.innerText()).toContain('查询出错');

    // query_only turned off by the first statement does not let the second write
    await editor(page).fill('PRAGMA query_only = 0; DELETE FROM reports');
    await page.getByRole('button', { name: '运行' }).click();
    await expect.poll(() => alert.innerText()).toContain('attempt to write a readonly database');
    expect(await alert.innerText()).toContain('查询是只读的');

    await editor(page).fill('SELECT COUNT(*) AS n FROM reports');
    await page.getByRole('button', { name: '运行' }).click();
    await expect.poll(() => shownRows(page)).toEqual([[String(all('SELECT COUNT(*) FROM reports').values[0][0])]]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  test('a query that never ends does not block the page and is cancelled; the next one runs in a fresh worker', async () => {
    const page = await browser.newPage();
    await openSql(page);
    await editor(page).fill('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c');
    await page.getByRole('button', { name: '运行' }).click();
    await expect.poll(() => sqlStatus(page).innerText(), { timeout: 30_000 }).toMatch(/正在执行查询… [\d.]+ (毫秒|秒)/);
    // the page answers while the worker is busy: the timer ticks and the tabs work
    const t1 = await sqlStatus(page).innerText();
    await page.waitForTimeout(700);
    expect(await sqlStatus(page).innerText()).not.toBe(t1);
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => sqlStatus(page).innerText()).toMatch(/^查询已取消/);
    expect(await page.getByRole('button', { name: '取消' }).count()).toBe(0);

    await editor(page).fill('SELECT 6 * 7 AS answer');
    await editor(page).press('Control+Enter');
    await expect.poll(() => shownRows(page), { timeout: 30_000 }).toEqual([['42']]);
    // the dashboard's own worker was never touched
    await page.getByRole('link', { name: '概览' }).click();
    await page.getByRole('table', { name: /报告列表/ }).locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await page.close();
  });

  test('a query on the detail tables attaches the detail shard first: cell_provenance as the database has it', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await openSql(page);
    expect(requests.some((r) => r.includes('/data/detail-'))).toBe(false);
    await page.getByRole('button', { name: '一份报告的数字出处（明细）' }).click();
    await expect.poll(() => sqlStatus(page).innerText(), { timeout: 30_000 }).toMatch(/^共 \d+ 行/);
    const sql = await editor(page).inputValue();
    const want = all(sql);
    expect(want.values.length).toBeGreaterThan(10);
    expect(await shownRows(page)).toEqual(want.values.map((r) => r.map((v) => (v === null ? 'NULL' : String(v)))));
    expect(requests.filter((r) => r.includes('/data/detail-')).length).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a long result shows a page of rows, 显示更多 the next; a column sorts', async () => {
    const page = await browser.newPage();
    await openSql(page, `&sql=${encodeURIComponent('SELECT key_id, key, unit FROM fact_keys ORDER BY key_id')}`);
    const n = Number(all('SELECT COUNT(*) FROM fact_keys').values[0][0]);
    expect(n).toBeGreaterThan(200);
    await expect.poll(() => sqlStatus(page).innerText(), { timeout: 30_000 }).toMatch(`共 ${n} 行`);
    expect((await shownRows(page)).length).toBe(100);
    await page.getByRole('button', { name: /^显示更多/ }).click();
    expect((await shownRows(page)).length).toBe(200);
    await page.getByRole('button', { name: /^key_id/ }).click();
    await page.getByRole('button', { name: /^key_id/ }).click();
    expect((await shownRows(page))[0][0]).toBe(String(n));
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('key_id');
    await page.close();
  });
});

describe('表格生成器', () => {
  const KEYS = ['s3.new.total', 's2.procurement.amount', 's4.review.total', 's3.granted.natural'];

  test('3 reports × 4 figures chosen in the page: the CSV is the database’s values, with each row’s source file', async () => {
    const [{ province, n }] = (() => {
      const r = all(`SELECT o.province, COUNT(*) FROM reports r JOIN organs o USING (organ_id) WHERE o.province IS NOT NULL GROUP BY 1 HAVING COUNT(*) = 3`);
      return r.values.map(([p, c]) => ({ province: String(p), n: Number(c) }));
    })();
    expect(n).toBe(3);
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=builder`);
    await page.getByLabel('省份').selectOption(province);
    await page.getByText('选择指标（按模板的表格和栏目）').waitFor({ timeout: 30_000 });
    for (const key of KEYS) {
      // the filter finds a figure by its label or its key
      await page.getByLabel('筛选指标').fill(key);
      await page.locator(`.fp-item[title^="${key}（"] input`).check();
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('cols')).toBe(KEYS.join(','));
    await expect.poll(() => page.locator('.result-table tbody tr').count(), { timeout: 30_000 }).toBe(3);

    const csv = await downloadCsv(page, page.locator('section', { has: page.locator('#b-table') }));
    const header = csv.rows[0];
    const labels = all(`SELECT key, label, unit FROM fact_keys WHERE key IN (${KEYS.map(() => '?').join(',')})`, KEYS).values;
    const labelOf = new Map(labels.map(([k, l, u]) => [String(k), `${l}（${u}）[${k}]`]));
    expect(header).toEqual(['report_id', 'organ', 'province', 'city', 'county', 'level', 'year', 'template', ...KEYS.map((k) => labelOf.get(k)), 'file', 'source_url']);
    const cols = KEYS.map((k) => k.replaceAll('.', '_'));
    const want = all(
      `SELECT r.report_id, ${cols.map((c) => `r.${c}`).join(', ')}, s.file FROM reports r JOIN organs o USING (organ_id)
       JOIN source_files s USING (file_id) WHERE o.province = ? ORDER BY r.report_id`,
      [province],
    ).values.map((r) => r.map((v) => (v === null ? '' : String(v))));
    const got = csv.rows
      .slice(1)
      .map((r) => [r[0], ...r.slice(8, 12), r[12]])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(got).toEqual(want);
    expect(got.length).toBe(3);
    // a figure the report does not state is an empty cell (the 2021 report has no procurement row)
    expect(want.some((r) => r[2] === '')).toBe(true);

    // the choice is in the URL: a reload shows the same table
    await page.reload();
    await expect.poll(() => page.locator('.result-table tbody tr').count(), { timeout: 30_000 }).toBe(3);
    expect(await page.locator('.chosen li').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the name search narrows the organs and is kept in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?v=1&view=builder&cols=s3.new.total`);
    await page.getByLabel('机关名称包含').fill('连生乡');
    await expect.poll(() => new URL(page.url()).searchParams.get('find'), { timeout: 10_000 }).toBe('连生乡');
    const want = Number(all(`SELECT COUNT(*) FROM reports r JOIN organs o USING (organ_id) WHERE o.name LIKE '%连生乡%' OR r.organ_name LIKE '%连生乡%'`).values[0][0]);
    await expect.poll(() => page.locator('.result-table tbody tr').count(), { timeout: 30_000 }).toBe(want);
    await page.close();
  });
});

describe('数据说明', () => {
  test('lists every column of reports, every fact key and check, and the build’s own figures, from the database', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}?v=1&view=docs`);
    const reports = page.locator('#table-core-reports');
    await reports.waitFor({ timeout: 30_000 });
    const listed = await reports.locator('tbody tr code.col-name').allTextContents();
    const columns = all("SELECT name FROM pragma_table_info('reports')").values.map((r) => String(r[0]));
    expect(columns.length).toBeGreaterThan(200);
    expect(listed).toEqual(columns);
    // each with its comment from schema.sql
    const row = reports.locator('tbody tr', { has: page.locator('code.col-name', { hasText: /^s2_procurement_amount$/ }) });
    expect(await row.locator('td').nth(1).textContent()).toBe('s2_procurement_amount REAL');
    expect(await row.locator('td').nth(2).textContent()).toBe('政府集中采购 · 采购总金额（万元） [2019]');

    const text = await page.locator('main').textContent();
    for (const [key] of all('SELECT key FROM fact_keys').values) expect(text).toContain(String(key));
    for (const [id, title] of all('SELECT check_id, title FROM checks').values) {
      expect(text).toContain(String(id));
      expect(text).toContain(String(title));
    }
    // every table of the core has its section
    for (const [name] of all("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").values) {
      expect(await page.locator(`#table-core-${name}`).count(), String(name)).toBe(1);
    }
    // reports per year by the outcome of their file
    const byYear = page.getByRole('table', { name: '各年度报告（按文件读取结果）' });
    await expect.poll(() => byYear.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const want = all(
      `SELECT r.year, SUM(s.outcome = 'ok'), SUM(s.outcome = 'partial'), COUNT(*) FROM reports r JOIN source_files s USING (file_id)
       GROUP BY r.year ORDER BY r.year`,
    ).values.map((r) => r.map(String));
    expect(await byYear.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))).toEqual(want);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('the three views at desktop and phone width: nothing overflows the page (screenshots in the temp dir)', async () => {
  const views: [string, string][] = [
    ['sql', `&sql=${encodeURIComponent('SELECT * FROM failures')}`],
    ['builder', '&cols=s3.new.total,s3.granted.total,s2.procurement.amount'],
    ['docs', ''],
  ];
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = watchErrors(page);
    for (const [view, extra] of views) {
      await page.goto(`${server.url}?v=1&view=${view}${extra}`);
      await page.locator('.result-table, #docs-checks').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${view} at ${width}px`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(SHOTS, `research-${view}-${width}.png`), fullPage: view !== 'docs' });
    }
    expect(errors).toEqual([]);
    await page.close();
  }
});
