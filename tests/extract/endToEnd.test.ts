/** Extracted text through the text parser: every fact of the rendered report comes back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseReport } from '../../src/parse/index.ts';
import { factValues } from '../../src/parse/types.ts';
import { extractFile as extractText } from '../../scripts/lib/nodeExtract.ts';
import { fromSynth, makeReport, reportDocx, reportHtml, type ReportData } from './render.ts';
import { launchChromium, printPdf } from './chromium.ts';
import { gbk } from './gbk.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function parsedFacts(file: string, bytes: Uint8Array) {
  const r = await extractText(file, bytes);
  if ('error' in r) throw new Error(r.error);
  return factValues(parseReport(r.text, { file }));
}

/** The facts that differ: key → [expected, parsed]. */
function differences(d: ReportData, got: Record<string, number | null>) {
  const out: Record<string, [number | null, number | null | undefined]> = {};
  for (const [k, v] of Object.entries(d.facts)) if (got[k] !== v) out[k] = [v, got[k]];
  return out;
}

const cases: [string, ReportData][] = [
  ['own figures, 2019', makeReport(81, '2019')],
  ['own figures, 2021', makeReport(82, '2021')],
  ['synth figures, 2019', fromSynth(83, '2019')],
  ['synth figures, 2021', fromSynth(84, '2021')],
];

describe('parseReport reads every fact from extracted text', () => {
  for (const [name, d] of cases) {
    it(`saved page (GBK, site chrome) — ${name}`, async () => {
      const page = reportHtml(d, { chrome: true, charset: 'gb2312', splitNumbers: true, seed: 2, published: '2022-01-20', source: '县政府办公室', indexNo: '000014349/2022-00001' });
      expect(differences(d, await parsedFacts('r.html', gbk(page)))).toEqual({});
    });
    it(`Word file — ${name}`, async () => {
      expect(differences(d, await parsedFacts('r.docx', await reportDocx(d)))).toEqual({});
    });
    it(`PDF printed by Chromium — ${name}`, async () => {
      expect(differences(d, await parsedFacts('r.pdf', await printPdf(browser, reportHtml(d, { splitNumbers: true, seed: 4 }))))).toEqual({});
    });
  }
});
