/**
 * A report file as published → the text the parser reads, for the build, the
 * parse CLI and the browser alike (no Node APIs here; pdf.js comes from the host).
 *
 * - Plain text (.txt and anything else): decoded as is (BOM, UTF-8, else GB18030).
 * - A saved web page (.html/.htm), a Word file (.docx) or a PDF: the layout the
 *   text parser reads — one line per table row with cells TAB-separated (a blank
 *   cell is an empty field), prose as lines — plus a locator per line and the
 *   page's own metadata.
 *
 * Locators: `表N 第R行` for a table row of a page or Word file (field i of the line
 * is grid column i+1: `cellLocator`); `第P页 y=Y` for a PDF line (Y in PDF points
 * from the page's bottom, as PDF readers measure); null for prose and plain text.
 *
 * The work a file may cause is bounded (`limits.ts`); past a bound, or when the
 * file cannot be read, the result is `{error}` with the reason in Chinese.
 */
import { decodeHtmlBytes, decodeText } from './decode.ts';
import { docxToHtml } from './docx.ts';
import { extractHtml } from './html.ts';
import { fileTooLarge, LimitExceeded, LIMITS, textTooLong, type Limits } from './limits.ts';
import { extractPdf, type PdfHost } from './pdf.ts';
import type { ExtractResult, Extracted } from './types.ts';

export type { ExtractMeta, Extracted, ExtractResult } from './types.ts';
export type { PdfHost } from './pdf.ts';
export { LIMITS, resolveLimits, type Limits } from './limits.ts';

export interface ExtractOptions {
  /** pdf.js and its assets, as the host provides them */
  pdf: PdfHost;
  /** default: LIMITS */
  limits?: Readonly<Limits>;
  /** hears a PDF's pages as they are read (pages read, pages in all) */
  onPdfPage?: (read: number, total: number) => void;
}

const STRUCTURED = new Set(['.html', '.htm', '.pdf', '.docx']);

/** `dir/Report.PDF` → `.pdf`; '' when the name has none. */
export function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

const baseName = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Whether the file is read as a page, Word file or PDF (by extension); others are plain text. */
export function isStructuredInput(file: string): boolean {
  return STRUCTURED.has(extensionOf(file));
}

/** `表2 第5行` + field index 2 → `表2 第5行 第3列`; a PDF locator is returned as is. */
export function cellLocator(lineLocator: string | null, fieldIndex: number): string | null {
  if (!lineLocator) return null;
  return /^表\d+ 第\d+行$/.test(lineLocator) ? `${lineLocator} 第${fieldIndex + 1}列` : lineLocator;
}

function fromLines(lines: string[], locators: (string | null)[], meta: Extracted['meta'], encoding: string): Extracted {
  return { text: lines.join('\n'), lineLocators: locators, meta, encoding };
}

const KIND: Record<string, string> = { '.html': '网页', '.htm': '网页', '.docx': ' Word 文件', '.pdf': ' PDF 文件' };

export async function extractText(file: string, bytes: Uint8Array, opts: ExtractOptions): Promise<ExtractResult> {
  const limits = opts.limits ?? LIMITS;
  const ext = extensionOf(file);
  if (bytes.length > limits.fileBytes) return { error: fileTooLarge(bytes.length, limits).message };
  let out: ExtractResult;
  try {
    if (ext === '.html' || ext === '.htm') {
      const decoded = decodeHtmlBytes(bytes);
      const r = extractHtml(decoded.text, limits);
      out = fromLines(r.lines, r.locators, r.meta, decoded.encoding);
    } else if (ext === '.docx') {
      const r = extractHtml(`<html><body>${await docxToHtml(bytes, limits)}</body></html>`, limits);
      out = fromLines(r.lines, r.locators, r.meta, 'docx');
    } else if (ext === '.pdf') {
      const r = await extractPdf(bytes, opts.pdf, limits, opts.onPdfPage);
      out = 'error' in r ? r : fromLines(r.lines, r.locators, r.meta, 'pdf');
    } else if (ext === '.doc') {
      return { error: '旧版 Word 格式（.doc）无法读取：请在 Word 或 WPS 中另存为 .docx' };
    } else {
      const d = decodeText(bytes);
      out = 'error' in d ? d : { text: d.text, lineLocators: [], meta: {}, encoding: d.encoding };
    }
  } catch (e) {
    if (e instanceof LimitExceeded) return { error: e.message };
    return { error: `无法读取${KIND[ext] ?? '文件'} ${baseName(file)}：${e instanceof Error ? e.message : String(e)}` };
  }
  if ('text' in out && out.text.length > limits.textChars) return { error: textTooLong(limits).message };
  return out;
}
