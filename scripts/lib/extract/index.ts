/**
 * Reading a downloaded report as it is: a saved web page (.html/.htm), a Word file
 * (.docx) or a PDF becomes text in the layout the text parser reads — one line per
 * table row with cells TAB-separated (a blank cell is an empty field), prose as
 * lines — plus a locator per line and the page's own metadata.
 *
 * Locators: `表N 第R行` for a table row of a page or Word file (field i of the line
 * is grid column i+1: `cellLocator`); `第P页 y=Y` for a PDF line (Y in PDF points
 * from the page's bottom, as PDF readers measure); null for prose of a page.
 *
 * .txt is not handled here: the text path decodes it itself (`isStructuredInput`).
 */
import path from 'node:path';
import { decodeHtmlBytes } from './decode.ts';
import { extractHtml } from './html.ts';
import { extractPdf } from './pdf.ts';
import type { ExtractResult, Extracted } from './types.ts';

export type { ExtractMeta, Extracted, ExtractResult } from './types.ts';

const STRUCTURED = new Set(['.html', '.htm', '.pdf', '.docx']);

/** Whether extractText reads this file (by extension); .txt and others are plain text. */
export function isStructuredInput(file: string): boolean {
  return STRUCTURED.has(path.extname(file).toLowerCase());
}

/** `表2 第5行` + field index 2 → `表2 第5行 第3列`; a PDF locator is returned as is. */
export function cellLocator(lineLocator: string | null, fieldIndex: number): string | null {
  if (!lineLocator) return null;
  return /^表\d+ 第\d+行$/.test(lineLocator) ? `${lineLocator} 第${fieldIndex + 1}列` : lineLocator;
}

function fromLines(lines: string[], locators: (string | null)[], meta: Extracted['meta'], encoding?: string): Extracted {
  const out: Extracted = { text: lines.join('\n'), lineLocators: locators, meta };
  if (encoding) out.encoding = encoding;
  return out;
}

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return result.value;
}

export async function extractText(file: string, bytes: Uint8Array): Promise<ExtractResult> {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.html' || ext === '.htm') {
      const decoded = decodeHtmlBytes(bytes);
      const r = extractHtml(decoded.text);
      return fromLines(r.lines, r.locators, r.meta, decoded.encoding);
    }
    if (ext === '.docx') {
      const r = extractHtml(`<html><body>${await docxToHtml(bytes)}</body></html>`);
      return fromLines(r.lines, r.locators, r.meta);
    }
    if (ext === '.pdf') {
      const r = await extractPdf(bytes);
      if ('error' in r) return r;
      return fromLines(r.lines, r.locators, r.meta);
    }
  } catch (e) {
    return { error: `无法读取 ${path.basename(file)}：${e instanceof Error ? e.message : String(e)}` };
  }
  return { error: `不是结构化文件（${ext || '无扩展名'}）：请按文本读取` };
}
