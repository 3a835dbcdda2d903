/**
 * pdf.js as the 自查 worker runs it: the modern build, with its worker code
 * loaded into this worker as one of the site's own chunks (pdf.js's "fake
 * worker": the 自查 worker is already off the page's thread, and a chunk needs
 * no .mjs MIME type from the host), and its character maps and standard fonts,
 * files of this site copied from pdfjs-dist by the pdfjs-assets plugin of
 * vite.config.ts — so reading a PDF asks nothing of another server.
 */
import type { PdfHost } from '../../extract/index';

const base = new URL(`${import.meta.env.BASE_URL}pdfjs/`, self.location.href).href;

export const browserPdfHost: PdfHost = {
  load: async () => {
    const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs as unknown as Awaited<ReturnType<PdfHost['load']>>;
  },
  cMapUrl: `${base}cmaps/`,
  standardFontDataUrl: `${base}standard_fonts/`,
};
