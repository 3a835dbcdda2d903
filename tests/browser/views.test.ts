/**
 * The views as a reader meets them (issues 18 and 14), over two builds of their
 * own (viewsData.ts): links from the first must open the same reports on the
 * second, which adds a report in front of them all and removes 刘楼乡, or say
 * that the report is gone. Both are built into a temp folder with `vite build`;
 * the repo's build/ and dist/ are untouched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { REPORT_KEY_SQL } from '../../src/db/keys';
import { VIEWS as APP_VIEWS } from '../../src/app/state/url';
import { meta, overview, reportList, type Queryable } from '../../src/db/queries';
import { NO_FILTERS } from '../../src/db/filters';
import { tableFromExec } from '../../src/db/table';
import { SHOTS, everyView, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';
import { HOUTOU, JS_URL, LIULOU, TRUNCATED, buildSite, writeData } from './viewsData';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-views-'));

let browser: Browser;
let distA: string;
let distB: string;
let siteA: StaticServer;
let siteB: StaticServer;
let dbA: Database;
let dbB: Database;

const rowsOf = (db: Database, sql: string, params: (string | number | null)[] = []) => {
  const res = db.exec(sql, params);
  if (!res.length) return [] as Record<string, unknown>[];
  return res[0].values.map((v) => Object.fromEntries(res[0].columns.map((c, i) => [c, v[i]])));
};
const FROM = 'FROM reports r JOIN organs o USING (organ_id) JOIN source_files s USING (file_id)';
/** The key and id of the report of this file. */
const reportOf = (db: Database, file: string) =>
  rowsOf(db, `SELECT r.report_id AS id, ${REPORT_KEY_SQL} AS key, r.* ${FROM} WHERE s.file = ?`, [file])[0] as Record<string, unknown> & { id: number; key: string };

beforeAll(async () => {
  const a = path.join(TMP, 'a');
  const b = path.join(TMP, 'b');
  writeData(a, false);
  writeData(b, true);
  distA = await buildSite(a);
  distB = await buildSite(b);
  dbA = await openBuiltDatabase(path.join(a, 'build', 'gongkai.sqlite'));
  dbB = await openBuiltDatabase(path.join(b, 'build', 'gongkai.sqlite'));
  siteA = await serveStatic(distA);
  siteB = await serveStatic(distB);
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await siteA?.close();
  await siteB?.close();
  dbA?.close();
  dbB?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const list = (page: Page) => page.getByRole('table', { name: /报告列表/ });
async function listRows(page: Page): Promise<string[]> {
  await list(page).locator('tbody tr').first().waitFor({ timeout: 30_000 });
  return list(page).locator('tbody tr').allInnerTexts();
}
const heading = (page: Page) => page.locator('.report-head h2');
const figure = (page: Page, title: string | RegExp) => page.locator('figure').filter({ has: page.locator('figcaption', { hasText: title }) });

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: Record<string, string>[]; fields: string[]; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = fs.readFileSync((await d.path())!, 'utf8');
  expect(text.charCodeAt(0), 'a UTF-8 BOM for Excel').toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  return { name: d.suggestedFilename(), rows: parsed.data, fields: parsed.meta.fields ?? [], text };
}

describe('18.1 links survive a rebuild', () => {
  test('a report link of the first build opens the same report on the second; the removed one says 报告已不存在', async () => {
    const a = reportOf(dbA, HOUTOU);
    const b = reportOf(dbB, HOUTOU);
    expect(b.id, 'the build-order id moved').not.toBe(a.id);
    expect(b.key).toBe(a.key);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${siteA.url}?v=2&province=${encodeURIComponent('黑龙江省')}`);
    await listRows(page);
    const href = await list(page).getByRole('link', { name: '绥棱县后头乡' }).getAttribute('href');
    await page.goto(`${siteA.url}?v=2&province=${encodeURIComponent('河南省')}`);
    await listRows(page);
    const liulou = await list(page).getByRole('link', { name: '刘楼乡' }).getAttribute('href');
    expect(href).toContain(`report=${a.key}`);

    await page.goto(new URL(href!, siteB.url).href);
    await expect.poll(() => heading(page).innerText(), { timeout: 30_000 }).toContain('绥棱县后头乡 · 2020年度报告');
    await page.goto(new URL(liulou!, siteB.url).href);
    const gone = page.getByTestId('report-gone');
    await gone.waitFor({ timeout: 30_000 });
    expect(await gone.innerText()).toContain('报告已不存在');
    // an old link by build-order id opens what has that id now, and says it may be another report
    await page.goto(`${siteB.url}?v=1&view=report&report=${a.id}`);
    await page.getByTestId('report-legacy').waitFor({ timeout: 30_000 });
    const now = rowsOf(dbB, `SELECT COALESCE(r.organ_name, o.name) AS organ FROM reports r JOIN organs o USING (organ_id) WHERE r.report_id = ?`, [a.id])[0];
    await expect.poll(() => heading(page).innerText()).toContain(String(now.organ));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an organ link and a compare link of the first build name the same organ and reports on the second', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(siteA.url);
    await listRows(page);
    await page.getByLabel('搜索机关').fill('后头');
    await page.getByRole('option', { name: /绥棱县后头乡/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organ')).toMatch(/^[0-9a-f]{8}$/);
    const organLink = page.url();
    await page.goto(organLink.replace(siteA.url, siteB.url));
    await expect.poll(async () => (await listRows(page)).map((r) => r.split('\t')[0])).toEqual(['绥棱县后头乡']);
    expect(await page.getByTestId('organ-chosen').innerText()).toContain('绥棱县后头乡');

    const x = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    const y = reportOf(dbA, '002_8d6632e4e8c36cd9.txt');
    expect(reportOf(dbB, '000_3d4bdaa64d37f60c.txt').id).not.toBe(x.id);
    await page.goto(`${siteB.url}?v=2&view=compare&a=${x.key}&b=${y.key}`);
    await figure(page, '主要数字').waitFor({ timeout: 30_000 });
    expect(await figure(page, '主要数字').locator('figcaption').innerText()).toContain('连生乡 2020 与 绥滨县连生乡人民政府 2021');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('18.2 coverage', () => {
  test('the overview counts the reports judged only in part and links to them in the list, each with its badge and n', async () => {
    const [{ n }] = rowsOf(dbA, 'SELECT COUNT(*) AS n FROM reports WHERE partial = 1');
    expect(Number(n)).toBeGreaterThanOrEqual(3);
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(siteA.url);
    const cards = page.getByRole('region', { name: '覆盖范围' });
    await expect.poll(() => cards.innerText(), { timeout: 30_000 }).toContain(`${n}\n份报告仅部分可判断`);
    const failed = rowsOf(dbA, "SELECT COUNT(*) AS n FROM source_files WHERE outcome = 'failed'")[0].n;
    expect(await cards.innerText()).toContain(`${failed}\n个文件读取失败`);
    await cards.getByRole('link', { name: '在列表中查看' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cov')).toBe('partial');
    await expect.poll(async () => (await listRows(page)).length).toBe(Number(n));
    for (const row of await listRows(page)) expect(row).toContain('仅部分可判断');
    // the truncated report: its pass rate shown with how few checks it rests on
    const t = reportOf(dbA, TRUNCATED);
    expect(Number(t.unassessed)).toBeGreaterThan(Number(t.assessed) * 5);
    const row = list(page).locator('tbody tr').filter({ hasText: '枫林镇' });
    expect(await row.innerText()).toContain(`${t.assessed}/${Number(t.assessed) + Number(t.unassessed)}`);
    expect(await row.innerText()).toContain(`${Math.round((Number(t.passed) / Number(t.assessed)) * 100)}%（${t.passed}/${t.assessed}）`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('合规 bins reports by pass rate without the partial ones, which get a bin of their own', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteA.url}?v=2&view=compliance`);
    const fig = figure(page, '报告按检查通过比例的分布');
    await fig.locator('svg').waitFor({ timeout: 30_000 });
    await fig.locator('summary').first().click();
    const rows = await fig.locator('table.data tbody tr').allInnerTexts();
    const [{ n: partial }] = rowsOf(dbA, 'SELECT COUNT(*) AS n FROM reports WHERE partial = 1');
    const [{ n: top }] = rowsOf(dbA, 'SELECT COUNT(*) AS n FROM reports WHERE partial = 0 AND assessed > 0 AND passed * 10 >= assessed * 9');
    expect(rows.find((r) => r.includes('仅部分可判断'))).toMatch(new RegExp(`\\t${partial} 份报告`));
    expect(rows.find((r) => r.includes('90%–100%'))).toMatch(new RegExp(`\\t${top} 份报告`));
    await page.close();
  });
});

describe('18.4 phones', () => {
  const VIEWS = APP_VIEWS.map((v) => v.id);
  test('at 390 px every tab is on screen and no view overflows the page sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = watchErrors(page);
    const r = reportOf(dbA, HOUTOU);
    for (const view of VIEWS) {
      await page.goto(`${siteA.url}?v=2&view=${view}${view === 'report' ? `&report=${r.key}` : ''}`);
      await page.locator('main.view h1').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const tabs = page.getByRole('navigation', { name: '视图' }).getByRole('link');
      expect(await tabs.count()).toBe(APP_VIEWS.length);
      for (const tab of await tabs.all()) {
        const box = (await tab.boundingBox())!;
        expect(await tab.isVisible(), `${view}: ${await tab.innerText()}`).toBe(true);
        expect(box.x, `${view}: ${await tab.innerText()}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${view}: ${await tab.innerText()}`).toBeLessThanOrEqual(390);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, view).toBeLessThanOrEqual(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the source panel opens on a figure, covers less than 40% of the phone's screen, and closes", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const r = reportOf(dbA, HOUTOU);
    await page.goto(`${siteA.url}?v=2&view=report&report=${r.key}`);
    const fig = page.locator('button.fig[data-key="s2.procurement.amount"]');
    await fig.waitFor({ timeout: 30_000 });
    const panel = page.locator('.source-panel');
    expect(await panel.isVisible()).toBe(false);
    await fig.click();
    await expect.poll(() => page.getByTestId('source-line').innerText()).toContain('190');
    const box = (await panel.boundingBox())!;
    expect(box.height).toBeLessThan(0.4 * 844);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    await page.screenshot({ path: path.join(SHOTS, 'views-source-panel-390.png') });
    await panel.getByRole('button', { name: '关闭数字出处' }).click();
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('s2.procurement.amount');
    await page.close();
  });
});

describe('18.5 print', () => {
  test('a report prints without the sidebar, every value of tables 二, 三 and 四 within the page', async () => {
    // A4 at 96 dpi less the 12 mm margins: 703 px
    const page = await browser.newPage({ viewport: { width: 703, height: 1000 } });
    const r = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    await page.goto(`${siteA.url}?v=2&view=report&report=${r.key}`);
    await page.locator('button.fig').first().waitFor({ timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('aside.filters').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.source-panel').isVisible()).toBe(false);
    const cells = await page.locator('.tpl-table td').evaluateAll((tds) =>
      tds.map((td) => {
        const b = td.getBoundingClientRect();
        const scroller = td.closest('.table-scroll') as HTMLElement;
        return { left: b.left, right: b.right, text: (td as HTMLElement).innerText.trim(), clipped: scroller.scrollWidth > scroller.clientWidth + 1 };
      }),
    );
    const stated = Number(rowsOf(dbA, 'SELECT COUNT(*) AS n FROM cell_sources WHERE report_id = ?', [r.id])[0].n);
    expect(cells.filter((c) => c.text !== '·').length).toBeGreaterThanOrEqual(stated - 1); // s1 is not in the tables
    for (const c of cells) {
      expect(c.left).toBeGreaterThanOrEqual(0);
      expect(c.right).toBeLessThanOrEqual(703 + 0.5);
      expect(c.clipped).toBe(false);
    }
    // each value as the database has it
    for (const key of ['s3.new.total', 's4.review.total', 's2.licensing.decisions']) {
      const v = r[key.replaceAll('.', '_')];
      expect(await page.locator(`button.fig[data-key="${key}"]`).innerText()).toBe(Number(v).toLocaleString('en-US'));
    }
    expect(await page.getByRole('heading', { name: /合规检查/ }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'views-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});

describe('18.6 every table downloads as CSV, headed in Chinese with the stable key', () => {
  test("a report's own figures and its findings", async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    const r = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    await page.goto(`${siteA.url}?v=2&view=report&report=${r.key}`);
    await page.locator('button.fig').first().waitFor({ timeout: 30_000 });
    const figs = await download(page, () => page.getByRole('button', { name: '下载本报告数字（CSV）' }).click());
    expect(figs.fields).toEqual(['表', '行', '列', '数值', '单位', '原文状态', '原文写作', '读取方式', 'fact_key']);
    expect(figs.rows.length).toBeGreaterThan(60);
    for (const row of figs.rows) {
      const v = r[row.fact_key.replaceAll('.', '_')];
      expect(row.数值, row.fact_key).toBe(v == null ? '' : String(v));
      // a seed prints every figure in a cell of its own
      expect(row.读取方式, row.fact_key).toBe(v == null ? '' : '单元格原样');
    }
    const checks = await download(page, () => page.getByRole('button', { name: '下载检查结果（CSV）' }).click());
    expect(checks.fields).toEqual(['检查项', '检查', '结果', '证据', 'check_id', 'fact_keys']);
    const want = rowsOf(dbA, 'SELECT check_id, status, severity FROM findings WHERE report_id = ?', [r.id]);
    expect(checks.rows).toHaveLength(want.length);
    const word = (f: Record<string, unknown>) => (f.status === 'pass' ? '通过' : f.status === 'na' ? '无法判断' : `不通过·${({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[String(f.severity)]}`);
    for (const f of want) expect(checks.rows.find((c) => c.check_id === f.check_id)?.结果).toBe(word(f));
    await page.close();
  });

  test('the failed-checks list, the whole report list (not only its page) and the matrix, with results in Chinese', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${siteA.url}?v=2&view=compliance`);
    await page.getByRole('heading', { name: '不通过的检查及证据' }).waitFor({ timeout: 30_000 });
    const fails = await download(page, () => page.getByRole('region', { name: '不通过的检查及证据' }).getByRole('button', { name: '下载CSV' }).click());
    expect(fails.fields).toEqual(['机关', '省份', '城市', '区县', '年度', '模板', '检查项', '结果', '证据', '仅部分可判断', 'check_id', 'report_key']);
    expect(fails.rows).toHaveLength(Number(rowsOf(dbA, 'SELECT COUNT(*) AS n FROM failures')[0].n));
    for (const f of fails.rows) expect(f.结果).toMatch(/^不通过·(错误|警告|提示)$/);
    expect(fails.name).toBe('不通过的检查_全部.csv');

    const matrix = await download(page, () => figure(page, '合规矩阵').getByRole('button', { name: '下载CSV' }).click());
    expect(matrix.fields).toEqual(['机关', '省份', '城市', '区县', '年度', '模板', 'key', '指标', '单位', '数值', '报告数']);
    expect(new Set(matrix.rows.map((r) => r.数值))).toEqual(new Set(['通过', '不通过·错误', '不通过·警告', '不通过·提示', '无法判断', '不适用']));

    await page.goto(siteA.url);
    await listRows(page);
    const all = await download(page, () => page.getByRole('region', { name: /报告列表/ }).getByRole('button', { name: '下载CSV' }).click());
    const total = Number(rowsOf(dbA, 'SELECT COUNT(*) AS n FROM reports')[0].n);
    expect(total).toBeGreaterThan(50);
    expect(all.rows).toHaveLength(total);
    expect(all.fields).toEqual(['机关', '地区', '层级', '年度', '模板', '可判断的检查', '适用的检查', '通过', '通过率', '仅部分可判断', '错误', '警告', 'report_key']);
    const t = reportOf(dbA, TRUNCATED);
    expect(all.rows.find((r) => r.report_key === t.key)).toMatchObject({
      机关: '枫林镇', 仅部分可判断: '是', 可判断的检查: String(t.assessed), 通过: String(t.passed), 通过率: `${Math.round((Number(t.passed) / Number(t.assessed)) * 1000) / 10}%`,
    });
    await page.close();
  });

  test("compare's full table, and 只看不同", async () => {
    const x = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    const y = reportOf(dbA, HOUTOU);
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${siteA.url}?v=2&view=compare&a=${x.key}&b=${y.key}`);
    const table = page.locator('details.compare-all table');
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    const keys = rowsOf(dbA, 'SELECT column_name, key FROM fact_keys');
    const filled = keys.filter((k) => x[String(k.column_name)] != null || y[String(k.column_name)] != null);
    const differ = filled.filter((k) => x[String(k.column_name)] !== y[String(k.column_name)]);
    expect(await table.locator('tbody tr').count()).toBe(filled.length);
    const csv = await download(page, () => page.locator('details.compare-all').getByRole('button', { name: '下载CSV' }).click());
    expect(csv.fields).toEqual(['指标', '单位', 'A：连生乡 2020', 'B：绥棱县后头乡 2020', 'B − A', 'fact_key']);
    expect(csv.rows).toHaveLength(filled.length);
    const row = csv.rows.find((r) => r.fact_key === 's2.procurement.amount')!;
    expect([row['A：连生乡 2020'], row['B：绥棱县后头乡 2020']]).toEqual([String(x.s2_procurement_amount ?? ''), String(y.s2_procurement_amount ?? '')]);

    await page.getByLabel('只看不同').check();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(differ.length);
    expect(differ.length).toBeLessThan(filled.length);
    expect(new URL(page.url()).searchParams.get('diff')).toBe('1');
    // same year, two organs: no warning that both differ
    expect(await page.getByTestId('compare-both-differ').count()).toBe(0);
    await page.close();
  });
});

describe('18.8 find an organ, sort, and the page in the URL', () => {
  test('搜索机关 finds 枫林镇 from a province filter elsewhere, by keyboard, and filters to it', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${siteA.url}?v=2&province=${encodeURIComponent('河南省')}`);
    await listRows(page);
    const box = page.getByRole('combobox', { name: '搜索机关' });
    await box.fill('枫林');
    const option = page.getByRole('option', { name: /枫林镇/ });
    await option.waitFor({ timeout: 10_000 });
    expect(await option.innerText()).toContain('浙江省 温州市 永嘉县');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('f-organ-0');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('浙江省');
    await expect.poll(async () => (await listRows(page)).map((r) => r.split('\t')[0].replace(/\s+/g, ''))).toEqual(['枫林镇仅部分可判断']);
    expect(await page.getByLabel('区县').inputValue()).toBe('永嘉县');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the report list sorts by a column header, keeps its page in the URL, and a page past the end says so', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(siteA.url);
    await listRows(page);
    const header = list(page).getByRole('columnheader', { name: '年度' });
    await header.getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('year');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const years = async () => (await listRows(page)).map((r) => Number(r.split('\t')[3]));
    const [{ y: minYear }] = rowsOf(dbA, 'SELECT MIN(year) AS y FROM reports');
    await expect.poll(async () => (await years())[0]).toBe(minYear);
    const asc = await years();
    expect(asc).toEqual([...asc].sort((p, q) => p - q));
    await header.getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-year');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const [{ y: maxYear }] = rowsOf(dbA, 'SELECT MAX(year) AS y FROM reports');
    await expect.poll(async () => (await years())[0]).toBe(maxYear);

    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => list(page).locator('caption').innerText()).toContain('第 2 / 2 页');
    const second = await listRows(page);
    await page.reload();
    await expect.poll(() => listRows(page)).toEqual(second);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe(null);
    await page.goto(`${siteA.url}?v=2&page=99`);
    await page.getByText('报告列表没有第 99 页（共 2 页）').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('18.9 keyboard and screen readers', () => {
  test('the first Tab reaches 跳到正文, which moves focus to the view', async () => {
    const page = await browser.newPage();
    await page.goto(siteA.url);
    await listRows(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  test("each figure button says its row and column, as the table's headers show them", async () => {
    const page = await browser.newPage();
    const r = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    await page.goto(`${siteA.url}?v=2&view=report&report=${r.key}`);
    await page.locator('button.fig').first().waitFor({ timeout: 30_000 });
    const name = async (key: string) => page.locator(`button.fig[data-key="${key}"]`).getAttribute('aria-label');
    expect(await name('s3.granted.natural')).toBe(`（一）予以公开 · 自然人：${r.s3_granted_natural}`);
    expect(await name('s3.denied.secret.total')).toBe(`（三）不予公开1.属于国家秘密 · 总计：${r.s3_denied_secret_total}`);
    expect(await name('s4.after_review.pending')).toBe(`行政诉讼 · 复议后起诉 · 尚未审结：${r.s4_after_review_pending}`);
    expect(await name('s2.licensing.decisions')).toBe(`行政许可 · 处理决定数量：${r.s2_licensing_decisions}`);
    await page.close();
  });
});

describe('18.11 small things', () => {
  test('构建日期 is the build’s; ?report=999 is not found; 对比 warns when both the organ and the year differ', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(siteA.url);
    await expect.poll(() => page.locator('.build time').innerText(), { timeout: 30_000 }).toBe('2026-10-09');
    for (const q of ['?report=999&view=report', '?v=2&view=report&report=999', '?v=2&view=report&report=ffffffff-2020-000000']) {
      await page.goto(siteA.url + q);
      await page.getByTestId('report-gone').waitFor({ timeout: 30_000 });
    }
    const x = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    const y = reportOf(dbA, LIULOU);
    await page.goto(`${siteA.url}?v=2&view=compare&a=${x.key}&b=${y.key}`);
    const warn = page.getByTestId('compare-both-differ');
    await warn.waitFor({ timeout: 30_000 });
    expect(await warn.innerText()).toContain('机关和年度都不同');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('14.7 a javascript: source URL (in a database from elsewhere: the build drops it) is shown as text, not a link', async () => {
    const page = await browser.newPage();
    const r = reportOf(dbA, '001_230915953f1370e3.txt');
    expect(r.source_url).toBe(JS_URL);
    await page.goto(`${siteA.url}?v=2&view=report&report=${r.key}`);
    await page.getByTestId('source-url-text').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('source-url-text').innerText()).toBe(JS_URL);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    await page.close();
  });
});

/** A copy of site A's files to break, served on its own, counting the loads of index.html. */
async function brokenCopy(name: string, breakIt: (dist: string) => void): Promise<StaticServer & { loads: () => number }> {
  const dir = path.join(TMP, name);
  fs.cpSync(distA, dir, { recursive: true });
  breakIt(dir);
  let loads = 0;
  const server = await serveStatic(dir, '/', (rel) => {
    if (rel === 'index.html') loads++;
    return null;
  });
  return { ...server, loads: () => loads };
}
const shardFile = () => String(rowsOf(dbA, 'SELECT file FROM shards ORDER BY shard_id')[0].file);

describe('14.3 / 14.4 the site never loops or hangs', () => {
  test('a missing detail file: at most one reload, then an error naming the file', async () => {
    const file = shardFile();
    const site = await brokenCopy('no-shard', (d) => fs.rmSync(path.join(d, 'data', file)));
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}?v=2&view=report&report=${reportOf(dbA, HOUTOU).key}`);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toContain(file);
      await page.waitForTimeout(1500);
      expect(site.loads()).toBeLessThanOrEqual(2);
      expect(await page.getByText('正在加载报告…').count()).toBe(0);
      // a second missing file later in the same session does not reload again
      const before = site.loads();
      await page.getByRole('link', { name: '对比' }).click();
      await page.goto(`${site.url}?v=2&view=compare&a=${reportOf(dbA, HOUTOU).key}&b=${reportOf(dbA, LIULOU).key}`);
      await page.getByRole('alert').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      expect(site.loads()).toBe(before + 1); // the goto itself, no reload
      await page.close();
    } finally {
      await site.close();
    }
  });

  test('report=-5 and a corrupted detail file show a message, not 正在加载报告… for ever', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteA.url}?v=1&view=report&report=-5`);
    await page.getByTestId('report-gone').waitFor({ timeout: 15_000 });
    await page.close();

    const file = shardFile();
    const site = await brokenCopy('bad-shard', (d) => {
      const p = path.join(d, 'data', file);
      const bytes = fs.readFileSync(p);
      bytes.fill(0x5a, 4096, bytes.length); // every page after the first is garbage
      fs.writeFileSync(p, bytes);
    });
    try {
      const broken = await browser.newPage();
      await broken.goto(`${site.url}?v=2&view=report&report=${reportOf(dbA, HOUTOU).key}`);
      const alert = broken.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toMatch(/报告无法加载[\s\S]*明细文件/);
      expect(await broken.getByText('正在加载报告…').count()).toBe(0);
      await broken.close();
    } finally {
      await site.close();
    }
  });

  test("a corrupt page of the core shows the error, not 没有数据", async () => {
    const core = fs.readdirSync(path.join(distA, 'assets')).find((f) => /^gongkai-.*\.sqlite$/.test(f))!;
    const bytes = fs.readFileSync(path.join(distA, 'assets', core));
    // the first page whose corruption the open and meta survive but the overview and its report list do not
    const SQL = await (await import('sql.js')).default();
    let bad: Uint8Array | null = null;
    for (let p = 2; p * 4096 <= bytes.length && !bad; p++) {
      const copy = new Uint8Array(bytes);
      copy.fill(0xff, (p - 1) * 4096, p * 4096);
      try {
        const db = new SQL.Database(copy);
        const q: Queryable = { all: (sql, params) => tableFromExec(db.exec(sql, params ?? [])) };
        db.exec('SELECT 1 FROM reports LIMIT 1');
        meta(q);
        try {
          overview(q, NO_FILTERS);
          reportList(q, { filters: NO_FILTERS, limit: 50, offset: 0 });
        } catch {
          bad = copy;
        }
        db.close();
      } catch {
        /* the open or meta fails: the page says 数据库无法加载, tested elsewhere */
      }
    }
    expect(bad, 'a page of the core that only the overview reads').not.toBeNull();
    // the page loads the gzipped copy of the core: break that one
    const gz = fs.readdirSync(path.join(distA, 'assets')).find((f) => /^gongkai-.*\.sqlite\.gz$/.test(f))!;
    const site = await brokenCopy('bad-core', (d) => fs.writeFileSync(path.join(d, 'assets', gz), zlib.gzipSync(bad!)));
    try {
      const page = await browser.newPage();
      await page.goto(site.url);
      const alert = page.getByRole('alert').first();
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toMatch(/无法加载[\s\S]*(已损坏|malformed)/);
      expect(await page.getByText('当前筛选条件下没有数据').count()).toBe(0);
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe('screenshots', () => {
  test('every view at 1280 and 390 px (in the temp dir, to look at)', async () => {
    const r = reportOf(dbA, HOUTOU);
    const x = reportOf(dbA, '000_3d4bdaa64d37f60c.txt');
    const y = reportOf(dbA, '002_8d6632e4e8c36cd9.txt');
    const views: [string, string][] = [
      ['overview', ''],
      ['proactive', ''],
      ['applications', '&outcome=denied'],
      ['procurement', ''],
      ['compliance', ''],
      ['report', `&report=${r.key}`],
      ['compare', `&a=${x.key}&b=${y.key}`],
    ];
    await everyView(browser, siteA.url, '?v=2', views, 'views-');
  });
});
