/**
 * pdf.js as the 自查 worker runs it: the modern build, its own worker and its
 * character maps and standard fonts, all files of this site (the worker script
 * bundled by vite, the folders copied from pdfjs-dist by the pdfjs-assets plugin
 * of vite.config.ts), so reading a PDF asks nothing of another server.
 */
import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfHost } from '../../extract/index';

const base = new URL(`${import.meta.env.BASE_URL}pdfjs/`, self.location.href).href;

export const browserPdfHost: PdfHost = {
  load: async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
    return pdfjs as unknown as Awaited<ReturnType<PdfHost['load']>>;
  },
  cMapUrl: `${base}cmaps/`,
  standardFontDataUrl: `${base}standard_fonts/`,
};
