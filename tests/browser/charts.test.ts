/**
 * The charts of the built site in headless Chromium: figures as SVG and PNG
 * downloads, tooltips on keyboard focus, the matrix by keyboard, accessible
 * names, unique SVG ids, honest axes, and the phone layout — checked against
 * the database the site serves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from 'sql.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { DIST, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

let browser: Browser;
let db: Database;
let server: StaticServer;
const all = (sql: string, params: (string | number)[] = []) => {
  const res = db.exec(sql, params);
  if (!res.length) return [] as Record<string, unknown>[];
  return res[0].values.map((v) => Object.fromEntries(res[0].columns.map((c, i) => [c, v[i]])));
};

beforeAll(async () => {
  expect(fs.existsSync(path.join(DIST, 'index.html')), 'dist/ is built by npm run test:browser').toBe(true);
  db = await openBuiltDatabase(path.resolve('build/gongkai.sqlite'));
  browser = await launchBrowser();
  server = await serveStatic(DIST);
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  db?.close();
});

const figure = (page: Page, title: string | RegExp) => page.locator('figure').filter({ has: page.locator('figcaption .chart-title', { hasText: title }) });
const pair = () => all('SELECT report_id FROM reports ORDER BY report_id LIMIT 2').map((r) => Number(r.report_id));
/** every view with a chart, as a query string */
const CHART_VIEWS = () => ['overview', 'proactive', 'applications&outcome=denied', 'procurement', 'compliance', `compare&a=${pair()[0]}&b=${pair()[1]}`];

async function open(page: Page, view: string) {
  await page.goto(`${server.url}?v=1&view=${view}`);
  await page.locator('main.view h1').waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.locator('figure svg').first().waitFor({ timeout: 30_000 });
}

const squash = (s: string) => s.replace(/\s+/g, '');

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}

describe('figures as images', () => {
  test('every figure downloads as an SVG that parses, with its title, caption and source note, and as a non-empty PNG', async () => {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    let figures = 0;
    for (const view of CHART_VIEWS()) {
      await open(page, view);
      for (const fig of await page.locator('figure').all()) {
        const svgButton = fig.getByRole('button', { name: '下载SVG' });
        if (await svgButton.isDisabled()) continue;
        figures++;
        const title = await fig.locator('.chart-title').innerText();
        const note = (await fig.locator('.chart-note').count()) ? await fig.locator('.chart-note').innerText() : '';
        const svg = await download(page, svgButton);
        expect(svg.name).toMatch(/\.svg$/);
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          const root = doc.documentElement;
          return {
            error: doc.querySelector('parsererror')?.textContent ?? '',
            root: root.localName,
            ns: root.namespaceURI,
            width: Number(root.getAttribute('width')),
            text: root.textContent ?? '',
            drawings: root.querySelectorAll('svg').length,
            marks: root.querySelectorAll('svg rect, svg circle, svg path').length,
          };
        }, svg.bytes.toString('utf8'));
        expect(parsed.error, `${view} · ${title}`).toBe('');
        expect([parsed.root, parsed.ns]).toEqual(['svg', 'http://www.w3.org/2000/svg']);
        expect(squash(parsed.text)).toContain(squash(title));
        expect(squash(parsed.text)).toContain(squash(note));
        expect(parsed.text).toContain('来源：各机关政府信息公开工作年度报告');
        expect(parsed.drawings).toBeGreaterThan(0);
        expect(parsed.marks).toBeGreaterThan(0);

        const png = await download(page, fig.getByRole('button', { name: '下载PNG' }));
        expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
        expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        // IHDR: drawn at twice the SVG's size
        expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
        expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(100);
        const inked = await page.evaluate(async (b64) => {
          const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
          const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
          ctx.drawImage(bmp, 0, 0);
          const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
          let n = 0;
          for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) n++;
          return n;
        }, png.bytes.toString('base64'));
        expect(inked, `${view} · ${title}: pixels with ink`).toBeGreaterThan(1000);
      }
    }
    expect(figures).toBeGreaterThanOrEqual(10);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard and screen readers', () => {
  test('a column shows its tooltip on keyboard focus as on hover, and hides it on blur', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'applications');
    const fig = figure(page, '办理结果');
    // Tab from the last legend button lands on the first column
    await fig.getByRole('button', { name: '其他处理', exact: true }).focus();
    await page.keyboard.press('Tab');
    const focused = fig.locator('g.column').first();
    await expect.poll(() => focused.evaluate((el) => el === document.activeElement)).toBe(true);
    const name = (await focused.getAttribute('aria-label'))!;
    expect(name).toMatch(/^\d{4}.*：.*予以公开/);
    await expect.poll(() => fig.locator('.tooltip').innerText()).toBe(name);
    await page.keyboard.press('Tab');
    const second = (await fig.locator('g.column').nth(1).getAttribute('aria-label'))!;
    await expect.poll(() => fig.locator('.tooltip').innerText()).toBe(second);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => fig.locator('.tooltip').count()).toBe(0);
    await page.close();
  });

  test('trend points are tab stops whose tooltip names year, template, value and reports', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'proactive');
    const fig = figure(page, '年度趋势');
    const dot = fig.locator('circle[role="button"]').first();
    await dot.focus();
    const name = (await dot.getAttribute('aria-label'))!;
    expect(name).toMatch(/^\d{4}年.*模板.*份/);
    await expect.poll(() => fig.locator('.tooltip').first().innerText()).toBe(name);
    await dot.hover();
    await expect.poll(() => fig.locator('.tooltip').first().innerText()).toBe(name);
    await page.close();
  });

  test('the compliance matrix: rows reachable by Tab, each opening its report with Enter', async () => {
    const [first] = all(
      `SELECT r.report_id, COALESCE(r.organ_name, o.name) AS organ, r.year FROM reports r JOIN organs o USING (organ_id)
       ORDER BY r.errors DESC, r.warnings DESC, o.name, r.year LIMIT 1`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await open(page, 'compliance');
    const fig = figure(page, /合规矩阵/);
    await fig.locator('a.matrix-row').first().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('matrix-row') ?? false);
    }
    expect(reached, 'a matrix row is reached by Tab').toBe(true);
    const label = (await page.evaluate(() => document.activeElement!.getAttribute('aria-label')))!;
    expect(label.startsWith(`${first.organ} ${first.year}：`)).toBe(true);
    expect(label).toMatch(/通过 \d+/);
    await expect.poll(() => fig.locator('.tooltip').innerText()).toBe(label);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('report')).toBe(String(first.report_id));
    await expect.poll(() => page.locator('.report-head h2').innerText()).toContain(`${first.year}年度报告`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("each chart's accessible name starts with its figure's title and says what it draws", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const view of CHART_VIEWS()) {
      await open(page, view);
      for (const fig of await page.locator('figure').all()) {
        const title = await fig.locator('.chart-title').innerText();
        for (const svg of await fig.locator('svg.chart-svg').all()) {
          const name = (await svg.getAttribute('aria-label'))!;
          expect(name.startsWith(`${title}：`), `${view}: ${name}`).toBe(true);
          expect(name.length - title.length).toBeGreaterThan(6);
          expect(name).toMatch(/图|矩阵/);
        }
      }
    }
    await open(page, 'applications');
    expect(await page.getByRole('group', { name: /^办理结果：各年度按办理结果的堆叠柱状图$/ }).count()).toBe(1);
    await page.close();
  });
});

describe('drawing', () => {
  test('no SVG id is used twice on any page (each chart has its own hatch pattern)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const view of CHART_VIEWS()) {
      await open(page, view);
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
      const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dup, view).toEqual([]);
    }
    await open(page, 'procurement');
    const patterns = await page.locator('figure pattern').evaluateAll((ps) => ps.map((p) => p.id));
    expect(patterns.length).toBe(await page.locator('figure svg.chart-svg').count());
    await page.close();
  });

  test('a year axis runs every year from the first to the last; the columns say how many reports they sum', async () => {
    const years = all('SELECT MIN(year) AS a, MAX(year) AS b FROM reports WHERE template IS NOT NULL')[0];
    const every = Array.from({ length: Number(years.b) - Number(years.a) + 1 }, (_, i) => String(Number(years.a) + i));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'applications');
    const fig = figure(page, '行政复议与行政诉讼');
    const labels = await fig.locator('.axis-x text').allTextContents();
    expect(labels).toEqual(every);
    // under each column: the reports stating table 四 in that year and template
    const counts = all(
      `SELECT year, template, COUNT(s4_review_total) AS a, COUNT(s4_direct_total) AS b, COUNT(s4_after_review_total) AS c
       FROM reports WHERE year IS NOT NULL AND template IS NOT NULL GROUP BY year, template ORDER BY year, template`,
    );
    const expected = counts.map((r) => {
      const n = [r.a, r.b, r.c].map(Number).filter((x) => x > 0);
      return !n.length ? '未填报' : Math.min(...n) === Math.max(...n) ? `${n[0]}份` : `${Math.min(...n)}–${Math.max(...n)}份`;
    });
    expect(await fig.locator('.column-notes text').allTextContents()).toEqual(expected);
    await page.close();
  });

  test('a chart whose every stated value is 0 says so instead of drawing an empty 0–1 frame', async () => {
    const [s] = all('SELECT SUM(s4_review_total) + SUM(s4_direct_total) + SUM(s4_after_review_total) AS sum, COUNT(s4_review_total) AS n FROM reports');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'applications');
    const fig = figure(page, '行政复议与行政诉讼');
    const ticks = await fig.locator('.axis-y text').allTextContents();
    if (Number(s.n) > 0 && Number(s.sum) === 0) {
      expect(await fig.locator('.zero-note').textContent()).toBe('所选范围内各项数值均为 0（已填报，不是缺失）');
      expect(ticks).toEqual(['0']);
    } else {
      expect(await fig.locator('.zero-note').count()).toBe(0);
      expect(ticks.length).toBeGreaterThan(1);
    }
    await page.close();
  });

  test('the matrix legend shows 不适用, and the white cells are the checks that do not apply', async () => {
    const reports = all(
      `SELECT r.checks FROM reports r JOIN organs o USING (organ_id) ORDER BY r.errors DESC, r.warnings DESC, o.name, r.year LIMIT 40`,
    );
    const notApplicable = reports.reduce((n, r) => n + (String(r.checks).match(/\./g)?.length ?? 0), 0);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page, 'compliance');
    const fig = figure(page, /合规矩阵/);
    const legend = await fig.locator('.legend-list li').allInnerTexts();
    expect(legend.map((t) => t.trim())).toEqual(['通过', '不通过 · 错误', '不通过 · 警告', '不通过 · 提示', '无法判断', '不适用']);
    const swatch = await fig.locator('.legend-list li').last().locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(swatch).toBe('rgb(255, 255, 255)');
    expect(await fig.locator('rect.absent').count()).toBe(notApplicable);
    await page.close();
  });
});

describe('on a phone (390 px)', () => {
  const inside = (a: { x: number; width: number }, b: { x: number; width: number }) => a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;

  test('the matrix column labels do not run into each other and the organ names are whole', async () => {
    const reports = all(
      `SELECT COALESCE(r.organ_name, o.name) AS organ, r.year FROM reports r JOIN organs o USING (organ_id)
       ORDER BY r.errors DESC, r.warnings DESC, o.name, r.year LIMIT 40`,
    );
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await open(page, 'compliance');
    const fig = figure(page, /合规矩阵/);
    const svg = (await fig.locator('svg.chart-svg').boundingBox())!;
    const cols = await fig.locator('.matrix-col').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
    expect(cols).toHaveLength(28);
    for (let i = 1; i < cols.length; i++) expect(cols[i].x, `C${i + 1} clear of C${i}`).toBeGreaterThanOrEqual(cols[i - 1].x + cols[i - 1].width - 0.5);
    for (const c of cols) expect(inside(c, svg)).toBe(true);
    const names = fig.locator('a.matrix-row text');
    expect((await names.allTextContents()).map((t) => t.trim())).toEqual(reports.map((r) => `${r.organ} ${r.year}`));
    for (const box of await names.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))) expect(inside(box, svg)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await page.close();
  });

  test('the compare labels are not cut short and stay inside the chart', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await open(page, `compare&a=${pair()[0]}&b=${pair()[1]}`);
    const fig = figure(page, /主要数字/);
    const svg = (await fig.locator('svg.chart-svg').boundingBox())!;
    const labels = fig.locator('.bar-label');
    const texts = (await labels.allTextContents()).map((t) => t.trim());
    expect(texts).toContain('行政许可 · 处理决定数量');
    expect(texts.join('')).not.toContain('…');
    const full = all("SELECT label FROM fact_keys WHERE key IN ('s2.licensing.decisions', 's3.new.total', 's3.partial.total')").map((r) => String(r.label));
    for (const l of full) expect(squash(texts.join(''))).toContain(squash(l));
    for (const box of await labels.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))) expect(inside(box, svg)).toBe(true);
    await page.close();
  });

  test('ranked names stand whole above their bars', async () => {
    const [top] = all(
      `SELECT COALESCE(r.organ_name, o.name) AS organ, r.year FROM reports r JOIN organs o USING (organ_id)
       WHERE r.template = '2019' AND r.s2_punishment_decisions IS NOT NULL ORDER BY r.s2_punishment_decisions DESC, o.name, r.year LIMIT 1`,
    );
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await open(page, 'proactive&template=2019&metric=punishment');
    const fig = figure(page, /各报告排名/);
    expect((await fig.locator('.bar-label').allTextContents())[0].trim()).toBe(`${top.organ} ${top.year}`);
    await page.close();
  });
});
