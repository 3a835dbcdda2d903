/**
 * Stage "locate sections": the six section headings. A heading is a numbered
 * line (一、/（一）/5、/第五部分) whose words fit that section, or the template's
 * own heading in the middle of a line; headings come in increasing order.
 */
import type { SectionSpan } from './types';
import { compact } from './normalise';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

/** Words of each heading: `loose` for 一、-style numbering, `strict` for (一)/1、 numbering. */
const KEYWORDS: Record<number, { strict: RegExp; loose: RegExp }> = {
  1: { strict: /^(?:总体情况|工作概述|基本情况)/, loose: /^.{0,12}(?:总体情况|概述|概况|基本情况|总体)/ },
  2: { strict: /^主动公开政府信息/, loose: /^.{0,6}主动公开/ },
  3: { strict: /^收到和处理/, loose: /^.{0,6}(?:收到和处理|申请情况|依申请公开)/ },
  4: { strict: /^政府信息公开行政复议|^行政复议/, loose: /^.{0,10}(?:行政复议|行政诉讼)/ },
  5: { strict: /^存在的主要问题/, loose: /^.{0,6}(?:存在的主要问题|存在的问题|主要问题|问题|改进)/ },
  6: { strict: /^其他需要报告/, loose: /^.{0,6}(?:其他需要报告|其他需报告|需要报告|其他事项)/ },
};

const NUMBERED = /^\s*\|?\s*(?:([一二三四五六])\s*[、.,:]|[(（]\s*([一二三四五六])\s*[)）]\s*、?|([1-6])\s*[、.](?!\d)|第([一二三四五六])部分[、:,]?)/;

const HEADING_START = /^\s*\|?\s*[一二三四五六(（1-6第]/;

export interface Heading {
  index: number;
  /** 0-based line */
  line: number;
  /** column where the heading starts */
  col: number;
  text: string;
}

function matchHeading(line: string): { index: number; strictOnly: boolean; rest: string } | null {
  const m = NUMBERED.exec(line);
  if (!m) return null;
  const numeral = m[1] ?? m[2] ?? m[4];
  const index = numeral ? CN[numeral] : Number(m[3]);
  const rest = compact(line.slice(m[0].length));
  // 一、-style and 第N部分 numbering may use looser wording
  return { index, strictOnly: !(m[1] || m[4]), rest };
}

/**
 * A heading in the middle of a line, after the end of a sentence, a table
 * cell or a table's last figure (a section printed on one line), numbered 一、 or （一）: only the template's own wording counts.
 */
const INLINE = /(?:(?:^|[。;；|\s\d）)])\s*([一二三四五六])、|[（(]([一二三四五六])[)）]、?)\s*(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、?行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)/g;

/** a 一、…六、 after the first character (cheap test before the inline-heading regex) */
function hasInlineNumeral(text: string): boolean {
  for (const mark of ['、', '）', ')']) {
    let i = text.indexOf(mark, 2);
    while (i >= 0) {
      if ('一二三四五六'.includes(text[i - 1])) return true;
      i = text.indexOf(mark, i + 1);
    }
  }
  return false;
}

/** The template's own wording of each heading (compact), whatever numeral a report gives it. */
const TEMPLATE_TITLE: Record<number, RegExp> = {
  1: /^总体情况/,
  2: /^主动公开政府信息情况/,
  3: /^收到和处理政府信息公开申请情况/,
  4: /^政府信息公开行政复议、?(?:和)?行政诉讼情况/,
  5: /^存在的主要问题及改进情况/,
  6: /^其他需要报告的事项/,
};

interface Candidate extends Heading {
  score: number;
}

/**
 * Every line that could head a section, scored: the template's own wording
 * counts most (a report may number its tables 一、二、三 after an outline of
 * its own), a numeral that fits adds to it, a numeral with fitting words alone
 * counts least.
 */
function candidates(lines: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l];
    if (text.length === 0) continue;
    const h = HEADING_START.test(text) ? matchHeading(text) : null;
    if (h) {
      const col = text.search(/\S/);
      for (let k = 1; k <= 6; k++) {
        let score = 0;
        if (TEMPLATE_TITLE[k].test(h.rest)) score = h.index === k ? 6 : 4;
        else if (h.index === k && (h.strictOnly ? KEYWORDS[k].strict : KEYWORDS[k].loose).test(h.rest)) score = h.strictOnly ? 3 : 2;
        if (score) out.push({ index: k, line: l, col, text: text.trim(), score });
      }
    }
    // headings later on the same line (a whole section on one line)
    if (text.length > 20 && hasInlineNumeral(text)) {
      INLINE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INLINE.exec(text))) {
        const numeral = m[1] ?? m[2];
        const col = m.index + m[0].search(/[一二三四五六（(]/);
        if (col > 0) out.push({ index: CN[numeral], line: l, col, text: text.slice(col).trim().slice(0, 40), score: m[1] ? 6 : 5 });
      }
    }
  }
  return out;
}

/**
 * The headings: of all candidates in text order, the chain of increasing
 * section numbers with the highest score (which keeps out table 三's row
 * 四、结转下年度继续办理, the （一）… sub-headings of the prose and a report's
 * own outline whose words are not the template's).
 */
export function findHeadings(lines: readonly string[]): Heading[] {
  const cands = candidates(lines);
  const n = cands.length;
  const best = new Array<number>(n).fill(0);
  const prev = new Array<number>(n).fill(-1);
  let top = -1;
  for (let i = 0; i < n; i++) {
    best[i] = cands[i].score;
    for (let j = 0; j < i; j++) {
      const a = cands[j];
      const b = cands[i];
      const after = a.line < b.line || (a.line === b.line && a.col < b.col);
      if (after && a.index < b.index && best[j] + b.score > best[i]) {
        best[i] = best[j] + b.score;
        prev[i] = j;
      }
    }
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const out: Heading[] = [];
  for (let i = top; i >= 0; i = prev[i]) {
    const { index, line, col, text } = cands[i];
    out.unshift({ index, line, col, text });
  }
  return out;
}

export function sectionSpans(headings: readonly Heading[], lineCount: number): SectionSpan[] {
  return headings.map((h, i) => {
    const next = headings[i + 1];
    const endLine = next ? (next.col > 0 && next.line > h.line ? next.line : Math.max(h.line, next.line - 1)) : lineCount - 1;
    return { index: h.index, heading: h.text, startLine: h.line + 1, endLine: endLine + 1 };
  });
}
