/**
 * Prose as a reader wants it: text extracted from a PDF breaks every line at
 * the page's width (often with a blank line between), so a paragraph arrives
 * as many short lines. Join lines into paragraphs; start a new one after
 * sentence-final punctuation or before a numbered point (一是, 1、, （二）, 2.).
 */
const ENDS_SENTENCE = /[。！？；：:!?;]$/;
const STARTS_POINT = /^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳])/;

export function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (current && (ENDS_SENTENCE.test(current) || STARTS_POINT.test(line))) {
      out.push(current);
      current = line;
    } else {
      current += line;
    }
  }
  if (current) out.push(current);
  return out;
}
