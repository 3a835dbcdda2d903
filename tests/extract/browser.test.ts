/**
 * One extraction for Node and the browser: src/extract bundled for a browser
 * reaches no Node module, and in Chromium it gives the same text, locators and
 * encoding as in Node for a saved page, a Word file, a GB18030 text and PDFs
 * (pdf.js's modern build and its worker, cmaps by URL, as the 自查 view will load them).
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from '../../scripts/lib/nodeExtract.ts';
import { launchChromium, printPdf } from './chromium.ts';
import { gbk } from './gbk.ts';
import { makeReport, reportDocx, reportHtml } from './render.ts';

const ORIGIN = 'http://extract.test';
const PDFJS = path.dirname(path.resolve('node_modules/pdfjs-dist/package.json'));
const COMPLETE = path.resolve('../shared/corpus/complete');
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

let browser: Browser;
let page: Page;
const reachedNode: string[] = [];
let bundle = '';

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'no-node-modules',
        enforce: 'pre',
        resolveId(id, importer) {
          if (NODE_MODULES.has(id)) reachedNode.push(`${id} ← ${importer}`);
          return null;
        },
      },
    ],
    build: { write: false, minify: false, lib: { entry: path.resolve('src/extract/index.ts'), formats: ['es'], fileName: 'extract' } },
  })) as Rollup.RollupOutput[];
  bundle = out[0].output.find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry)!.code;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function openPage() {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>extract</title><script type="module" src="/run.js"></script>' });
    if (url.pathname === '/run.js') return route.fulfill({ contentType: 'text/javascript', body: RUNNER });
    if (url.pathname === '/extract.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    if (url.pathname.startsWith('/pdfjs/')) {
      const file = path.join(PDFJS, url.pathname.slice('/pdfjs/'.length));
      if (fs.existsSync(file)) return route.fulfill({ contentType: file.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream', body: fs.readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'runExtract' in window, undefined, { timeout: 10_000 });
}

/** The page's own module: extractText with pdf.js's browser build (and its worker) as the host. */
const RUNNER = `
import { extractText } from '/extract.js';
const host = {
  load: async () => {
    const pdfjs = await import('/pdfjs/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
    return pdfjs;
  },
  cMapUrl: '/pdfjs/cmaps/',
  standardFontDataUrl: '/pdfjs/standard_fonts/',
};
window.runExtract = (file, data) => extractText(file, new Uint8Array(data), { pdf: host });
`;

async function inBrowser(file: string, bytes: Uint8Array): Promise<unknown> {
  return page.evaluate(({ file, data }) => (window as unknown as { runExtract: (f: string, d: number[]) => Promise<unknown> }).runExtract(file, data), {
    file,
    data: [...bytes],
  });
}

test('src/extract bundled for a browser reaches no Node module', () => {
  expect(reachedNode).toEqual([]);
  expect(bundle).toContain('convertToHtml');
});

describe('the same extraction in Chromium as in Node', () => {
  beforeAll(openPage, 60_000);
  const cases: [string, () => Promise<Uint8Array>][] = [
    ['saved page, GB2312', async () => gbk(reportHtml(makeReport(31, '2019'), { chrome: true, charset: 'gb2312', splitNumbers: true, seed: 2 }))],
    ['Word file', () => reportDocx(makeReport(32, '2021'))],
    ['GB18030 text', async () => gbk('一、总体情况\n本机关2023年主动公开政府信息352条。\n')],
    ['PDF printed by Chromium', async () => printPdf(browser, reportHtml(makeReport(33, '2021'), { splitNumbers: true, seed: 4 }))],
  ];
  const names: Record<string, string> = { 'saved page, GB2312': 'r.html', 'Word file': 'r.docx', 'GB18030 text': 'r.txt', 'PDF printed by Chromium': 'r.pdf' };
  for (const [name, make] of cases) {
    test(name, async () => {
      const bytes = await make();
      const node = await extractFile(names[name], bytes);
      expect('error' in node, JSON.stringify(node).slice(0, 200)).toBe(false);
      expect(await inBrowser(names[name], bytes)).toEqual(node);
    });
  }

  for (const file of ['hongze-2024.pdf', 'testcity-2025.html', 'pingtan-2023.txt']) {
    test.skipIf(!fs.existsSync(COMPLETE))(`real file ${file}`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(COMPLETE, file)));
      const node = await extractFile(file, bytes);
      expect('error' in node).toBe(false);
      expect(await inBrowser(file, bytes)).toEqual(node);
    });
  }
});
