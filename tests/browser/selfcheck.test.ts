/**
 * 自查 on the built site, served statically: a file chosen in the page is read,
 * parsed and checked there, shows its real figures, its 下载JSON is the parse
 * CLI's line for the same file (run here, compared parsed), and after the file
 * is chosen the page asks nothing of any server but its own code and pdf.js's
 * files. The real reports need ../shared; the generated Word file always runs.
 * Comparing the page's line with the CLI's is also the test that Node and the
 * browser give the same figures for the same file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fmt } from '../../src/app/charts/format';
import { gbk } from '../extract/gbk';
import { makeReport, reportDocx, reportHtml } from '../extract/render';
import { DIST, SHOTS, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const COMPLETE = path.resolve('../shared/corpus/complete');
const HAVE_SHARED = fs.existsSync(COMPLETE);
const CLI = path.resolve('scripts/parse-cli.ts');
/** tsx's loader by its full address: the CLI runs in the file's folder, outside the project */
const TSX = import.meta.resolve('tsx');

let browser: Browser;
let server: StaticServer;
let tmp: string;

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-selfcheck-'));
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The parse CLI's line for a file, run in the file's folder so `file` is its bare name, as the page names it. */
function cliLine(file: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--import', TSX, CLI, path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8' });
  return JSON.parse(out.trim()) as Record<string, unknown>;
}

interface Checked {
  page: Page;
  /** every request after the file was chosen */
  requests: string[];
  errors: string[];
}

async function openSelfcheck(width = 1280): Promise<Checked> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  await page.goto(`${server.url}?v=2&view=selfcheck`);
  await page.locator('#selfcheck-file').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  return { page, requests, errors };
}

async function choose(c: Checked, file: string): Promise<void> {
  c.page.on('request', (r) => c.requests.push(r.url()));
  await c.page.setInputFiles('#selfcheck-file', file);
  await c.page.locator('[data-testid=selfcheck-summary], [data-testid=selfcheck-error]').first().waitFor({ timeout: 60_000 });
}

/** Only the site's own code (lazy chunks) and pdf.js's files may load once a file is chosen; no data, nothing elsewhere. */
function expectNothingSent(c: Checked) {
  const foreign = c.requests.filter((u) => {
    if (u.startsWith('blob:') || u.startsWith('data:')) return false;
    const url = new URL(u);
    if (url.origin !== new URL(server.url).origin) return true;
    return !/^\/(assets\/[\w.-]+\.(js|mjs|css)|pdfjs\/(cmaps|standard_fonts)\/[\w.-]+)$/.test(url.pathname);
  });
  expect(foreign).toEqual([]);
  expect(c.requests.filter((u) => u.startsWith('http') && /\/data\/|\.sqlite/.test(u))).toEqual([]);
}

async function downloadedJson(page: Page): Promise<Record<string, unknown>> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载JSON' }).click()]);
  const text = fs.readFileSync((await dl.path())!, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return JSON.parse(text) as Record<string, unknown>;
}

async function downloadedCsv(page: Page): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载CSV' }).click()]);
  return fs.readFileSync((await dl.path())!, 'utf8');
}

const shown = (page: Page, key: string) => page.locator(`button.fig[data-key="${key}"]`).innerText();

/** The page's line equals the CLI's (same keys in the same order, same values), and the tables show its figures. */
async function expectSameAsCli(c: Checked, file: string, figures: Record<string, number>) {
  const cli = cliLine(file);
  expect(cli.error, String(cli.error)).toBeUndefined();
  const json = await downloadedJson(c.page);
  expect(json).toEqual(cli);
  expect(Object.keys(json)).toEqual(['file', 'organ', 'year', 'template', 'region', 'facts', 'findings']);
  expect(Object.keys(json.facts as object)).toEqual(Object.keys(cli.facts as object));
  for (const [key, v] of Object.entries(figures)) {
    expect((cli.facts as Record<string, number>)[key], key).toBe(v);
    expect(await shown(c.page, key), key).toBe(fmt(v));
  }
  return cli;
}

describe('自查', () => {
  test('the first page load carries none of it: the entry script stays within 100 KB gzip, without pdf.js, mammoth or the division tables', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"|<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    expect(entries.length).toBeGreaterThan(0);
    const code = entries.map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n');
    expect(zlib.gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(100_000);
    for (const marker of ['GlobalWorkerOptions', 'convertToHtml', '绥滨县', 'WorkerMessageHandler']) expect(code.includes(marker), marker).toBe(false);
    // pdf.js's files are the site's own
    expect(fs.existsSync(path.join(DIST, 'pdfjs/cmaps/UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(fs.existsSync(path.join(DIST, 'pdfjs/standard_fonts/LiberationSans-Regular.ttf'))).toBe(true);
  });

  test('a generated Word file: its figures, the CLI line, the source of a cell, nothing sent', async () => {
    const report = makeReport(41, '2021');
    const file = path.join(tmp, 'generated-2021.docx');
    fs.writeFileSync(file, await reportDocx(report));
    const c = await openSelfcheck();
    await choose(c, file);
    const want = Object.fromEntries(
      ['s3.new.total', 's3.granted.natural', 's3.total.total', 's4.review.total', 's2.licensing.decisions'].map((k) => [k, report.facts[k]!]),
    );
    const cli = await expectSameAsCli(c, file, want);
    // every stated figure of the file is on the page
    const facts = cli.facts as Record<string, number | null>;
    for (const [k, v] of Object.entries(report.facts)) if (v !== null) expect(facts[k], k).toBe(v);

    // a cell's source: Word table, row and column, and how it was read
    await c.page.locator('button.fig[data-key="s3.granted.natural"]').click();
    await expect.poll(() => c.page.getByTestId('source-where').innerText()).toMatch(/^出处：表2 第6行 第4列（原文第 26 行）$/);
    expect(await c.page.getByTestId('source-read').innerText()).toBe('读取方式：单独印在一个单元格中，原样读取');
    expect(await c.page.getByTestId('source-line').innerText()).toContain(String(report.facts['s3.granted.natural']));

    // the summary says how many figures were read and how many checks pass
    const summary = await c.page.getByTestId('selfcheck-summary').innerText();
    const stated = Object.keys(facts).filter((k) => k !== 's1.proactive_total' && facts[k] !== null).length;
    expect(summary).toContain(`读出 ${stated} 个数字`);
    const findings = cli.findings as { status: string }[];
    expect(summary).toContain(`合规检查 ${findings.length} 项：${findings.filter((f) => f.status === 'pass').length} 项通过`);

    // one CSV row per figure, Excel-safe
    const csv = await downloadedCsv(c.page);
    expect(csv.startsWith('\uFEFF表,行,列,fact_key,数值,单位,状态,原文写作,读取方式,出处,原文行号,原文\r\n')).toBe(true);
    const granted = csv.split('\r\n').find((l) => l.includes(',s3.granted.natural,'))!;
    expect(granted).toContain(`三、收到和处理政府信息公开申请情况,（一）予以公开,自然人,s3.granted.natural,${report.facts['s3.granted.natural']},件,数字`);
    expect(csv.split('\r\n').filter((l) => l.startsWith('三、')).length).toBe(25 * 7);

    // keyboard: the file input and the figures are reachable
    await c.page.locator('#selfcheck-file').focus();
    expect(await c.page.evaluate(() => document.activeElement?.id)).toBe('selfcheck-file');
    await c.page.locator('button.fig').first().focus();
    await c.page.keyboard.press('Enter');
    await expect.poll(() => c.page.locator('#src-h').isVisible()).toBe(true);

    expectNothingSent(c);
    expect(c.errors).toEqual([]);
    await c.page.screenshot({ path: path.join(SHOTS, 'selfcheck-docx-1280.png'), fullPage: true });
    // printed: the summary, the tables and the findings, without the file picker, the buttons and the source panel
    await c.page.emulateMedia({ media: 'print' });
    expect(await c.page.locator('#selfcheck-file').isVisible()).toBe(false);
    expect(await c.page.getByRole('button', { name: '下载JSON' }).isVisible()).toBe(false);
    expect(await c.page.locator('.source-panel').isVisible()).toBe(false);
    expect(await c.page.getByTestId('selfcheck-summary').isVisible()).toBe(true);
    expect(await c.page.locator('button.fig[data-key="s4.after_review.total"]').isVisible()).toBe(true);
    expect(await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await c.page.screenshot({ path: path.join(SHOTS, 'selfcheck-docx-print.png'), fullPage: true });
    await c.page.close();
  });

  test('generated files — a GB2312 page, a PDF printed by Chromium, a GB18030 text: the page gives the CLI line, figures and all', async () => {
    const { printPdf } = await import('../extract/chromium');
    const page2019 = makeReport(42, '2019');
    const pdf2021 = makeReport(43, '2021');
    const files: [string, Uint8Array, Record<string, number | null>][] = [
      ['generated-2019.html', gbk(reportHtml(page2019, { chrome: true, charset: 'gb2312', splitNumbers: true, seed: 3 })), page2019.facts],
      ['generated-2021.pdf', await printPdf(browser, reportHtml(pdf2021, { splitNumbers: true, seed: 5 })), pdf2021.facts],
    ];
    const text = fs.readFileSync(path.resolve('data/reports/004_0416b198e20bfbfb.txt'), 'utf8');
    files.push(['generated-gb18030.txt', gbk(text), {}]);
    for (const [name, bytes, facts] of files) {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, bytes);
      const c = await openSelfcheck();
      await choose(c, file);
      const stated = Object.fromEntries(Object.entries(facts).filter(([k, v]) => v !== null && k.startsWith('s3.') && k.endsWith('.total'))) as Record<string, number>;
      await expectSameAsCli(c, file, stated);
      expectNothingSent(c);
      expect(c.errors).toEqual([]);
      await c.page.close();
    }
  });

  test.skipIf(!HAVE_SHARED)('hongze-2024.pdf: page progress, its figures, the CLI line, a PDF source, nothing sent', async () => {
    const file = path.join(COMPLETE, 'hongze-2024.pdf');
    const c = await openSelfcheck();
    // every text the progress line shows, as the page shows it
    await c.page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const line = document.querySelector('.status-line')!;
      new MutationObserver(() => seen.push((line as HTMLElement).innerText.trim())).observe(line, { subtree: true, childList: true, characterData: true });
    });
    await choose(c, file);
    const seen = await c.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('正在读取 PDF：第 5/5 页');
    expect(seen).toContain('正在识别表格、核对数字…');
    expect(seen.some((t) => /^正在读取 PDF：第 [0-4]\/5 页/.test(t))).toBe(true);
    await expectSameAsCli(c, file, { 's3.new.total': 95, 's3.granted.total': 50, 's2.licensing.decisions': 9487, 's2.normative.in_force': 8, 's4.review.total': 2 });
    await c.page.locator('button.fig[data-key="s3.new.total"]').click();
    await expect.poll(() => c.page.getByTestId('source-where').innerText()).toMatch(/^出处：第1页 y=\d+（原文第 \d+ 行）$|^出处：第\d页 y=\d+（原文第 \d+ 行）$/);
    expect(await c.page.getByTestId('selfcheck-summary').innerText()).toContain('江苏省 淮安市 洪泽区（320813）');
    expectNothingSent(c);
    expect(c.errors).toEqual([]);
    for (const width of [1280, 390]) {
      await c.page.setViewportSize({ width, height: 900 });
      await c.page.waitForTimeout(200);
      expect(await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${width}px`).toBeLessThanOrEqual(1);
      await c.page.screenshot({ path: path.join(SHOTS, `selfcheck-pdf-${width}.png`), fullPage: true });
    }
    await c.page.close();
  });

  test.skipIf(!HAVE_SHARED)('testcity-2025.html: its figures, the CLI line, the page table of a cell, nothing sent', async () => {
    const file = path.join(COMPLETE, 'testcity-2025.html');
    const truth = JSON.parse(fs.readFileSync(path.join(COMPLETE, 'testcity-2025.json'), 'utf8')) as { facts: Record<string, number | null> };
    const c = await openSelfcheck();
    await choose(c, file);
    const keys = ['s3.new.total', 's3.total.total', 's3.carried_forward.total', 's2.licensing.decisions'];
    await expectSameAsCli(c, file, Object.fromEntries(keys.map((k) => [k, truth.facts[k]!])));
    await c.page.locator('button.fig[data-key="s3.new.total"]').click();
    await expect.poll(() => c.page.getByTestId('source-where').innerText()).toMatch(/^出处：表\d+ 第\d+行 第\d+列（原文第 \d+ 行）$/);
    expectNothingSent(c);
    expect(c.errors).toEqual([]);
    await c.page.close();
  });

  test.skipIf(!HAVE_SHARED)('a flattened crawler text (pingtan-2023.txt): its figures, the CLI line, its text line', async () => {
    const file = path.join(COMPLETE, 'pingtan-2023.txt');
    const truth = JSON.parse(fs.readFileSync(path.join(COMPLETE, 'pingtan-2023.json'), 'utf8')) as { facts: Record<string, number | null> };
    const c = await openSelfcheck();
    await choose(c, file);
    const keys = ['s3.new.total', 's3.granted.total', 's4.review.total'];
    await expectSameAsCli(c, file, Object.fromEntries(keys.map((k) => [k, truth.facts[k]!])));
    await c.page.locator('button.fig[data-key="s3.new.total"]').click();
    await expect.poll(() => c.page.getByTestId('source-where').innerText()).toMatch(/^出处：第 \d+ 行$/);
    // the whole report is one line: the panel shows the stretch of its row, split from the run
    expect(await c.page.getByTestId('source-cut').innerText()).toMatch(/^此行共 \d{4,} 字/);
    expect(await c.page.getByTestId('source-line').innerText()).toContain('本年新收政府信息公开申请数量801000081');
    expect(await c.page.getByTestId('source-read').innerText()).toContain('原文数字连在一起');
    // the row whose run splits several ways gives no number and says why
    expect(await c.page.locator('button.fig[data-key="s2.normative.issued"]').innerText()).toBe('无法确定');
    expect(await c.page.locator('main').innerText()).toContain('3 格无法确定（数字连写，有不止一种拆法，请在表中分开填写）');
    expectNothingSent(c);
    expect(c.errors).toEqual([]);
    await c.page.screenshot({ path: path.join(SHOTS, 'selfcheck-txt-390.png'), fullPage: true });
    await c.page.close();
  });

  test('pasted text of an organ the database holds: cross-year checks against its report of the year before', async () => {
    const text = fs.readFileSync(path.resolve('data/reports/002_8d6632e4e8c36cd9.txt'), 'utf8').replaceAll('2021', '2022');
    const c = await openSelfcheck();
    c.page.on('request', (r) => c.requests.push(r.url()));
    await c.page.getByText('或粘贴报告全文').click();
    await c.page.getByLabel('报告全文').fill(text);
    await c.page.getByRole('button', { name: '检查粘贴的文字' }).click();
    await c.page.getByTestId('selfcheck-summary').waitFor({ timeout: 60_000 });
    const cross = c.page.getByTestId('selfcheck-cross');
    await expect.poll(() => cross.innerText(), { timeout: 15_000 }).toContain('C18');
    const said = await cross.innerText();
    expect(said).toMatch(/当前数据库中有本机关的 2021 年.*报告/);
    expect(said).toMatch(/C18 上年结转=上年报告结转下年度：与 2021 年报告（[^）]+数据库中的报告）比较：/);
    expectNothingSent(c);
    // C22 reads last year's prose from the site's detail file, only when asked
    await c.page.getByRole('button', { name: /载入上年报告正文/ }).click();
    await expect.poll(() => cross.innerText(), { timeout: 15_000 }).toMatch(/C22 文字与上年报告雷同：与 20\d\d 年报告.*相似度/);
    expect(c.errors).toEqual([]);
    await c.page.close();
  });

  test('clear Chinese errors: a scan without a text layer, a file that is not a report, a file over the size limit', async () => {
    const c = await openSelfcheck();
    const error = () => c.page.getByTestId('selfcheck-error').innerText();

    const notReport = path.join(tmp, 'shopping.txt');
    fs.writeFileSync(notReport, '买菜：白菜两棵，鸡蛋一斤。\n');
    await choose(c, notReport);
    expect(await error()).toBe('无法检查 shopping.txt\n\n不是年度报告：既无模板表格，也无报告标题、年度或章节');

    // dropped rather than chosen: the same
    const dropped = await c.page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['买菜：萝卜一根。\n'], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    });
    await c.page.locator('.drop').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(error).toBe('无法检查 dropped.txt\n\n不是年度报告：既无模板表格，也无报告标题、年度或章节');

    const big = path.join(tmp, 'huge.pdf');
    fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
    await choose(c, big);
    expect(await error()).toBe('无法检查 huge.pdf\n\n文件过大（21.0 MB，上限 20 MB），不是年度报告文本');

    const { printPdf, SCAN_HTML } = await import('../extract/chromium');
    const scan = path.join(tmp, 'scan.pdf');
    fs.writeFileSync(scan, await printPdf(browser, SCAN_HTML, false));
    await choose(c, scan);
    expect(await error()).toBe('无法检查 scan.pdf\n\nPDF 没有文字层（扫描件？），不支持文字识别（OCR）');
    expectNothingSent(c);
    await c.page.close();
  });
});
