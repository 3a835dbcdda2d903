/**
 * How much work one input file may cause: one settings object for the build,
 * the parse CLI and the browser. A file past a bound fails with the reason
 * (`LimitExceeded`, in Chinese) and the build goes on. Every bound is far above
 * a real report — the five complete reports of the test corpus are 7–235 KB
 * with 1,700–4,500 characters of text; hongze-2024.pdf has 5 pages of at most
 * 264 text pieces — and below what exhausts a 3 GB heap or a browser tab.
 *
 * | key | bounds | why this size |
 * |---|---|---|
 * | `fileBytes` | the file as stored | a report is text and three tables; 20 MB is a PDF with embedded fonts and images |
 * | `zipPartBytes` | each part of a Word file, decompressed (`word/document.xml` …) | mammoth holds about 50× a part while converting (a 45 MB part: 2.2 GB, 15 s) |
 * | `zipTotalBytes` | all parts of a Word file together, decompressed | the same, summed |
 * | `htmlElements` | tags of a web page or of a Word file's rendering | htmlparser2 slows with the square of the nesting depth (100,000 nested elements: 4 s) |
 * | `gridCells` | cells of the expanded table grids of one page or Word file (rowspan/colspan filled in) | the tables of testcity-2025.html expand to fewer than 400; `rowspan=0 colspan=1000` asks for millions |
 * | `pdfPages` | pages of a PDF | pages are read one after another |
 * | `pdfPageItems` | text pieces and drawn rules of one PDF page | lines and ruled tables are found by comparing a page's pieces pairwise |
 * | `textChars` | the text handed to the parser | a report's text is a few thousand characters |
 */
export interface Limits {
  fileBytes: number;
  zipPartBytes: number;
  zipTotalBytes: number;
  htmlElements: number;
  gridCells: number;
  pdfPages: number;
  pdfPageItems: number;
  textChars: number;
}

const MB = 1024 * 1024;

export const LIMITS: Readonly<Limits> = Object.freeze({
  fileBytes: 20 * MB,
  zipPartBytes: 20 * MB,
  zipTotalBytes: 50 * MB,
  htmlElements: 100_000,
  gridCells: 200_000,
  pdfPages: 1_000,
  pdfPageItems: 20_000,
  textChars: 2_000_000,
});

/** The default limits with some replaced; an unknown key is an error (a misspelt bound would silently not apply). */
export function resolveLimits(overrides: Partial<Limits> = {}): Readonly<Limits> {
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in LIMITS)) throw new Error(`unknown limit: ${k} (known: ${Object.keys(LIMITS).join(', ')})`);
    if (typeof v !== 'number' || !(v > 0)) throw new Error(`limit ${k} must be a positive number, not ${String(v)}`);
  }
  return Object.freeze({ ...LIMITS, ...overrides });
}

/** A bound was passed: the file fails with this message (Chinese, for the summary and the 自查 view). */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof Limits,
    message: string,
  ) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

export const formatMB = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** (200000, '个') → `20 万个`; (1000, '页') → `1000 页` */
export function formatCount(n: number, unit: string): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万${unit}` : `${n} ${unit}`;
}

export function textTooLong(limits: Limits): LimitExceeded {
  return new LimitExceeded('textChars', `文本超过 ${formatCount(limits.textChars, '字')}，不是年度报告`);
}

export function fileTooLarge(bytes: number, limits: Limits): LimitExceeded {
  return new LimitExceeded('fileBytes', `文件过大（${(bytes / MB).toFixed(1)} MB，上限 ${formatMB(limits.fileBytes)}），不是年度报告文本`);
}
