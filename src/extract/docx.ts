/**
 * A Word file (.docx) → HTML, by mammoth's browser build, which reads an
 * ArrayBuffer alike in Node and in a browser worker.
 *
 * A .docx is a zip: before mammoth inflates a part, the parts are measured —
 * every part's declared size, and the XML parts mammoth reads inflated as a
 * stream and stopped at the bound (a header may understate the size) — so a
 * small file that inflates to hundreds of MB fails with the reason instead of
 * exhausting memory. Images are never inflated: the page reader drops them.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth/mammoth.browser.js';
import { formatMB, LimitExceeded, type Limits } from './limits.ts';

/** JSZip's documented streaming reader (ZipObject#internalStream), missing from its typings. */
interface ChunkStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'end', cb: () => void): ChunkStream;
  on(event: 'error', cb: (e: Error) => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}
type ZipEntry = JSZip.JSZipObject & {
  internalStream(type: 'uint8array'): ChunkStream;
  _data?: { uncompressedSize?: number };
};

/** The parts mammoth parses: the document, styles, numbering, notes, comments and their relationships. */
const READ_BY_MAMMOTH = /\.(xml|rels)$/i;

function tooLarge(name: string, limits: Limits): LimitExceeded {
  return new LimitExceeded('zipPartBytes', `Word 文件解压后超过 ${formatMB(limits.zipPartBytes)}（${name}），不是年度报告`);
}

function tooLargeInAll(limits: Limits): LimitExceeded {
  return new LimitExceeded('zipTotalBytes', `Word 文件解压后超过 ${formatMB(limits.zipTotalBytes)}（各部分合计），不是年度报告`);
}

/** Inflate one part, counting; stop as soon as it passes the bound. Resolves to its size. */
function inflatedSize(entry: ZipEntry, bound: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    let stopped = false;
    const stream = entry.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (stopped) return;
        n += chunk.length;
        if (n > bound) {
          stopped = true;
          stream.pause();
          resolve(n);
        }
      })
      .on('error', (e) => {
        if (!stopped) reject(e);
      })
      .on('end', () => {
        if (!stopped) resolve(n);
      })
      .resume();
  });
}

/** Throws LimitExceeded when a part, or all parts together, inflate past the limits. */
export async function checkZipSizes(bytes: Uint8Array, limits: Limits): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((e) => !e.dir) as ZipEntry[];
  let declared = 0;
  for (const e of entries) {
    const size = e._data?.uncompressedSize ?? 0;
    if (size > limits.zipPartBytes) throw tooLarge(e.name, limits);
    declared += size;
    if (declared > limits.zipTotalBytes) throw tooLargeInAll(limits);
  }
  let total = 0;
  for (const e of entries) {
    if (!READ_BY_MAMMOTH.test(e.name)) continue;
    const size = await inflatedSize(e, Math.min(limits.zipPartBytes, limits.zipTotalBytes - total));
    if (size > limits.zipPartBytes) throw tooLarge(e.name, limits);
    total += size;
    if (total > limits.zipTotalBytes) throw tooLargeInAll(limits);
  }
}

/** An image becomes an <img> without its data: nothing reads it, so it is never inflated. */
const noImageData = mammoth.images.imgElement(async () => ({ src: '' }));

export async function docxToHtml(bytes: Uint8Array, limits: Limits): Promise<string> {
  await checkZipSizes(bytes, limits);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const result = await mammoth.convertToHtml({ arrayBuffer }, { convertImage: noImageData });
  return result.value;
}
