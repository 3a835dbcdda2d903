/**
 * Real published reports on the site, as a user puts them in data/: the five
 * complete real reports of ../shared/corpus/complete (a published PDF, a saved
 * page, two flattened crawler texts, a PDF→markdown text; skipped when
 * ../shared is absent) and a generated flattened page text (always), built
 * with build:db's own function into a temporary build, `vite build` of the
 * project over it, served statically. Each report page shows the figures of
 * its truth file; a figure split from a run says so in 数字出处, and a source
 * line that holds a whole report is shown as the stretch around its row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Database } from 'sql.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDatabase } from '../../scripts/lib/buildDatabase';
import { openBuiltDatabase } from '../../scripts/lib/openBuilt';
import { generateReport } from '../../scripts/synth/index';
import { parseReport } from '../../src/parse';
import { buildSiteOf, launchBrowser, serveStatic, watchErrors, type StaticServer } from './harness';

const complete = path.resolve('../shared/corpus/complete');
const have = fs.existsSync(complete);
const REAL = have ? fs.readdirSync(complete).filter((f) => !f.endsWith('.json')).sort() : [];
const stem = (f: string) => f.replace(/\.[^.]+$/, '');
/** The three cells no reading can decide in each flattened text (see tests/parse/complete.test.ts). */
const UNDECIDABLE = new Set(['s2.normative.issued', 's2.normative.repealed', 's2.normative.in_force']);

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-real-site-'));
const BUILD = path.join(TMP, 'build');
const OUT = path.join(TMP, 'dist');
const FLAT = '900_flattened_synth.txt';

/** The first generated flattened report whose figures the parser reads whole, with a figure split from a run. */
function flattenedReport() {
  for (let seed = 1; seed < 200; seed++) {
    const r = generateReport(seed, { layout: 'flattened' });
    const p = parseReport(r.text);
    const keys = Object.keys(r.facts) as (keyof typeof p.cells)[];
    const whole = keys.every((k) => p.cells[k]?.value === r.facts[k as keyof typeof r.facts]);
    if (whole && keys.some((k) => p.cells[k]?.read === 'split')) return r;
  }
  throw new Error('no generated flattened report read whole');
}

let browser: Browser;
let server: StaticServer;
let db: Database;
let flat: ReturnType<typeof flattenedReport>;

beforeAll(async () => {
  const reports = path.join(TMP, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  for (const f of REAL) fs.copyFileSync(path.join(complete, f), path.join(reports, f));
  flat = flattenedReport();
  fs.writeFileSync(path.join(reports, FLAT), flat.text);
  fs.writeFileSync(path.join(TMP, 'manifest.csv'), 'file,organ,province,city,county,level,year,source_url,published\n');
  const summary = await buildDatabase({ reportsDir: reports, manifestPath: path.join(TMP, 'manifest.csv'), outFile: path.join(BUILD, 'gongkai.sqlite'), builtAt: '2026-12-02' });
  expect(summary.failed).toBe(0);
  db = await openBuiltDatabase(path.join(BUILD, 'gongkai.sqlite'));
  await buildSiteOf(BUILD, OUT);
  server = await serveStatic(OUT);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  fs.rmSync(TMP, { recursive: true, force: true });
});

const all = (sql: string, params: (string | number)[] = []) => {
  const res = db.exec(sql, params)[0];
  return res ? res.values.map((v) => Object.fromEntries(res.columns.map((c, i) => [c, v[i]]))) : [];
};
const reportOf = (file: string) =>
  Number(all('SELECT r.report_id AS id FROM reports r JOIN source_files s USING (file_id) WHERE s.file = ?', [file])[0].id);

/** Every figure button of a report page: fact key → the number shown (thousands separators dropped), null when not a number. */
async function shownFigures(page: Page, id: number): Promise<Map<string, number | null>> {
  await page.goto(`${server.url}?v=1&view=report&report=${id}`);
  await page.locator('button.fig').first().waitFor({ timeout: 30_000 });
  const got = await page.locator('button.fig').evaluateAll((els) => els.map((e) => [e.getAttribute('data-key') ?? '', e.textContent?.trim() ?? ''] as const));
  return new Map(got.map(([k, t]) => [k, /^-?[\d,]+(\.\d+)?$/.test(t) ? Number(t.replaceAll(',', '')) : null]));
}

async function openSource(page: Page, key: string) {
  const fig = page.locator(`button.fig[data-key="${key}"]`);
  await fig.scrollIntoViewIfNeeded();
  await fig.click();
  await page.getByTestId('source-line').waitFor({ timeout: 10_000 });
}

test('a generated flattened page text: every figure shown as generated; a split figure says how it was read', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const id = reportOf(FLAT);
  const shown = await shownFigures(page, id);
  let checked = 0;
  for (const [k, v] of Object.entries(flat.facts)) {
    if (!shown.has(k)) continue; // table 一's own counts are not template cells
    expect(shown.get(k), k).toBe(v);
    checked++;
  }
  expect(checked).toBeGreaterThan(150);
  const [split] = all("SELECT key FROM cell_provenance WHERE report_id = ? AND read = 'split' ORDER BY key LIMIT 1", [id]);
  await openSource(page, String(split.key));
  await expect.poll(() => page.getByTestId('source-read').innerText()).toContain('原文数字连在一起');
  expect(errors).toEqual([]);
  await page.close();
});

describe.skipIf(!have)('the complete real reports', () => {
  for (const f of REAL) {
    test(`${f}: its page shows the figures of its truth, none wrong`, async () => {
      const truth = JSON.parse(fs.readFileSync(path.join(complete, `${stem(f)}.json`), 'utf8')) as { facts: Record<string, number> };
      const page = await browser.newPage();
      const errors = watchErrors(page);
      const shown = await shownFigures(page, reportOf(f));
      const wrong: string[] = [];
      let stated = 0;
      for (const [k, v] of Object.entries(truth.facts)) {
        if (!shown.has(k)) continue; // a row the page's template does not print (table 一's own counts)
        stated++;
        if (shown.get(k) !== v && !(stem(f).startsWith('pingtan') && UNDECIDABLE.has(k) && shown.get(k) === null)) wrong.push(`${k}: ${shown.get(k)} ≠ ${v}`);
      }
      expect(wrong).toEqual([]);
      expect(stated).toBeGreaterThan(150);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  test('a flattened text on one line: 数字出处 shows the stretch of its row, not the whole report', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await shownFigures(page, reportOf('pingtan-2023.txt'));
    await openSource(page, 's3.granted.total');
    const line = await page.getByTestId('source-line').innerText();
    expect(line).toContain('予以公开22');
    expect(line.length).toBeLessThan(260);
    expect(await page.getByTestId('source-cut').innerText()).toMatch(/^此行共 \d{4,} 字/);
    expect(await page.getByTestId('source-read').innerText()).toContain('原文数字连在一起');
    // the row whose run splits several ways (77132470) says so, and gives no number
    const undecided = page.locator('button.fig[data-key="s2.normative.issued"]');
    expect(await undecided.innerText()).toBe('无法确定');
    await undecided.click();
    await expect.poll(() => page.locator('.source-panel').innerText()).toContain('无法确定：原文数字连写');
    expect(await page.locator('.source-panel').innerText()).toContain('原文写作“77132470”');
    await page.close();
  });
});
