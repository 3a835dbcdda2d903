/** Debian Chromium as the PDF writer for fixtures: print-to-PDF of a rendered page. */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: the PDF fixtures are printed by Debian's chromium (apt-get install chromium; CI installs it) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const RUNNING_HEADER = '某某县人民政府门户网站 政府信息公开专栏';

/** Print HTML to A4 PDF; with `running`, every page carries a running header and a `- N -` page number. */
export async function printPdf(browser: Browser, html: string, running = true): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      margin: { top: '22mm', bottom: '22mm', left: '15mm', right: '15mm' },
      displayHeaderFooter: running,
      headerTemplate: `<div style="font-size:9px;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">${RUNNING_HEADER}</div>`,
      footerTemplate: '<div style="font-size:9px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** A "scan": the report drawn on a canvas, so the PDF holds an image and no text. */
export const SCAN_HTML = `<!DOCTYPE html><html><body style="margin:0"><canvas id="c" width="700" height="900"></canvas>
<script>const g = document.getElementById('c').getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 700, 900);
g.fillStyle = '#000'; g.font = '28px serif'; g.fillText('2023年政府信息公开工作年度报告', 60, 80);
g.strokeRect(60, 120, 580, 300); g.fillText('行政许可 127', 80, 180);</script></body></html>`;
