/**
 * Hostile inputs of issue 14, made here: small files that ask for an unbounded
 * amount of work — a Word file whose document part inflates to hundreds of MB,
 * and a page whose table spans expand to hundreds of millions of cells.
 */
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { makeReport, reportDocx } from './render.ts';

export interface ZipPart {
  name: string;
  data: Uint8Array;
  /** the uncompressed size the headers state (default: the true one) */
  statedSize?: number;
}

/** A zip of deflated parts (zlib, so hundreds of MB take a second, not pako's minute). */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = zlib.deflateRawSync(p.data, { level: 9 });
    const crc = zlib.crc32(p.data);
    const size = p.statedSize ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

const PARAGRAPH = '<w:p><w:r><w:t>本机关主动公开政府信息，依申请公开政府信息。</w:t></w:r></w:p>';

/** The body of word/document.xml: about `bytes` of paragraphs (off the JS heap, filled natively). */
export function documentXml(bytes: number): Buffer {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const tail = Buffer.from('</w:body></w:document>');
  const p = Buffer.from(PARAGRAPH);
  const body = Buffer.alloc(Math.floor(bytes / p.length) * p.length).fill(p);
  return Buffer.concat([head, body, tail]);
}

/** A real Word report (the test renderer's) with its document part replaced. */
export async function docxWithDocument(document: Buffer, statedSize?: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await reportDocx(makeReport(91, '2021')));
  const parts: ZipPart[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (f.name === 'word/document.xml') parts.push({ name: f.name, data: document, statedSize });
    else parts.push({ name: f.name, data: await f.async('uint8array') });
  }
  return zipOf(parts);
}

/** Issue 14's Word bomb: about 1 MB whose word/document.xml inflates to `mb` MB (300 by default). */
export function docxBomb(mb = 300): Promise<Uint8Array> {
  return docxWithDocument(documentXml(mb * 1024 * 1024));
}

/** Issue 14's page: <td rowspan=0 colspan=1000> ×300, then 3,000 rows — 37 KB asking for 900 million cells. */
export function spanBombHtml(): string {
  return `<html><body><h1>2023年政府信息公开工作年度报告</h1><table><tr>${'<td rowspan=0 colspan=1000>x'.repeat(300)}${'<tr><td>1'.repeat(3000)}</table></body></html>`;
}
