/**
 * src/extract as Node runs it (the build, the parse CLI, the tests): pdf.js's
 * legacy build (it polyfills what Node 20 lacks) and its character maps and
 * standard fonts read from node_modules as files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractText, type ExtractResult, type Limits, type PdfHost } from '../../src/extract/index';

function pdfjsAsset(dir: string): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return path.join(path.dirname(pkg), dir) + path.sep;
}

export const nodePdfHost: PdfHost = {
  load: () => import('pdfjs-dist/legacy/build/pdf.mjs'),
  cMapUrl: pdfjsAsset('cmaps'),
  standardFontDataUrl: pdfjsAsset('standard_fonts'),
};

/** extractText with Node's pdf.js. */
export function extractFile(file: string, bytes: Uint8Array, limits?: Readonly<Limits>): Promise<ExtractResult> {
  return extractText(file, bytes, { pdf: nodePdfHost, limits });
}
