/**
 * Organ, year and statistical period. The organ comes from the title line
 * (X2021年政府信息公开工作年度报告, or X on the line above a title that starts
 * with the year); failing that from the body: the preamble (现公布X2024年…,
 * 由X编制), the contact line (请与X办公室联系), the opening sentence
 * (2023年，X按照…), or the township named most often.
 */

export interface OrganFinding {
  organ: string;
  source: 'title' | 'body';
  /** 0-based line */
  line: number;
  /** column range in the line */
  col: number;
  year: number | null;
}

const TITLE = /^(.*?)\s*((?:19|20)\d{2})\s*年?\s*度?\s*(?:的)?(?:本级)?(?:政府|政务)?(?:信息公开|政务公开|信息)[^。，,；;]{0,8}?(?:年度报告|年报|工作报告)/;
const TITLE_NO_YEAR = /^(.*?)(?:政府信息公开|政务公开|信息公开)[^。，,；;]{0,8}?(?:年度报告|年报)\s*$/;

/** Everything up to the last word or mark that introduces a name (现公布, 称:, a closing 》…). */
const LEAD = /^.*(?:现将|现予公布|现公布|特公布|公布了?|特编制|编制|发布|[,，。:：》>])/;

const ORGAN_SUFFIX = /(?:人民政府|政府|办事处|街道|乡|镇|局|委员会|委|办公室|办|中心|院|署|会|厅|部|处|站|所|队|馆|区|县|市|州|旗)$/;

function cleanOrgan(s: string): string {
  let t = s.trim().replace(/[|｜]+/g, '').trim();
  const lead = LEAD.exec(t);
  if (lead && lead[0].length < t.length) t = t.slice(lead[0].length);
  t = t.replace(/^[\s•·\-—>》:：,，。、]+/, '').replace(/[\s•·\-—:：,，。、]+$/, '');
  return t;
}

function plausibleOrgan(s: string): boolean {
  if (s.length < 2 || s.length > 40) return false;
  if (!/[\u4e00-\u9fff]/.test(s)) return false;
  if (/[。；;，,！？!?]/.test(s)) return false;
  if (/^(?:关于|我|本|全|政府|年度|信息公开|政务公开)/.test(s)) return false;
  return ORGAN_SUFFIX.test(s) || /(?:乡|镇|局|政府|街道|委员会|中心)/.test(s);
}

/** 2024年上海市科委政府信息公开工作年度报告: the year first, the organ after it */
const TITLE_YEAR_FIRST = /^\s*((?:19|20)\d{2})\s*年\s*度?\s*(?:的)?([^\d\s。，,；;]{2,30}?)(?:政府信息公开|政务公开|信息公开)[^。，,；;]{0,8}?(?:年度报告|年报|工作报告)/;

/** a title broken over two lines ('…政府信息公开工作' / '年度报告'): the line and the next short one */
function titleText(lines: readonly string[], l: number): string {
  const text = lines[l].trim();
  const next = lines[l + 1]?.trim() ?? '';
  if (next && next.length <= 12 && /(?:信息公开|政务公开)[^。，,；;]{0,8}$/.test(text) && /^[^。，,；;]{0,6}(?:年度报告|年报|工作报告)/.test(next)) return text + next;
  return text;
}

export function findTitleOrgan(lines: readonly string[], limit: number): OrganFinding | null {
  const n = Math.min(lines.length, limit);
  for (let l = 0; l < n; l++) {
    if (!lines[l].trim() || lines[l].length > 120) continue;
    const text = titleText(lines, l);
    const yf = TITLE_YEAR_FIRST.exec(text);
    if (yf) {
      const organ = cleanOrgan(yf[2]);
      if (organ && plausibleOrgan(organ)) return { organ, source: 'title', line: l, col: lines[l].indexOf(organ), year: Number(yf[1]) };
    }
    const m = TITLE.exec(text);
    if (!m) continue;
    const year = Number(m[2]);
    const before = cleanOrgan(m[1]);
    if (before && plausibleOrgan(before)) return { organ: before, source: 'title', line: l, col: lines[l].indexOf(before), year };
    if (!before) {
      // the organ on the line above the title
      for (let k = l - 1; k >= 0 && k >= l - 2; k--) {
        const prev = cleanOrgan(lines[k]);
        if (!prev) continue;
        if (plausibleOrgan(prev) && !/[:：>]/.test(lines[k])) return { organ: prev, source: 'title', line: k, col: lines[k].indexOf(prev), year };
        break;
      }
    }
  }
  for (let l = 0; l < n; l++) {
    const text = titleText(lines, l);
    const m = TITLE_NO_YEAR.exec(text);
    if (!m) continue;
    const before = cleanOrgan(m[1]);
    if (before && plausibleOrgan(before)) return { organ: before, source: 'title', line: l, col: lines[l].indexOf(before), year: null };
  }
  return null;
}

const BODY_PATTERNS: RegExp[] = [
  // 现公布北票市长皋乡人民政府2024年…报告 / 特编制X2022年度…
  /(?:现公布|特公布|公布|特编制|编制)\s*([\u4e00-\u9fff（）()]{2,30}?)\s*(?:19|20)\d{2}\s*年/,
  // 由常德市人力资源和社会保障局编制
  /由([\u4e00-\u9fff（）()]{2,30}?)(?:负责)?编制/,
  // 请与柞水县凤凰镇人民政府党政办公室联系
  /(?:请与|可与|请联系|联系)([\u4e00-\u9fff（）()]{2,30}?)(?:党政综合办公室|党政办公室|综合办公室|党政办|办公室|政务公开办)(?=联|$|[(（])/,
  // 2023年，永靖县市场监管局按照…
  /(?:19|20)\d{2}\s*年(?:度)?\s*[,，]\s*([\u4e00-\u9fff]{2,24}(?:人民政府|政府|局|委员会|中心|办公室|乡|镇|街道办事处|街道))(?=按照|认真|严格|坚持|以|在|始终|深入|全面|紧紧|围绕|持续|进一步|不断|高度|积极|主动|扎实|聚焦|紧扣|政务|政府信息|信息公开|共|全年|党委|切实|着力|牢固|把)/,
];

/** The organ a saved page's own title names (its <title>, when the page body prints none). */
export function organFromPageTitle(title: string): { organ: string; year: number | null } | null {
  const t = title.trim();
  const yf = TITLE_YEAR_FIRST.exec(t);
  if (yf) {
    const organ = cleanOrgan(yf[2]);
    if (organ && plausibleOrgan(organ)) return { organ, year: Number(yf[1]) };
  }
  const m = TITLE.exec(t);
  if (!m) return null;
  const organ = cleanOrgan(m[1]);
  return organ && plausibleOrgan(organ) ? { organ, year: Number(m[2]) } : null;
}

export function findBodyOrgan(lines: readonly string[], limit: number): OrganFinding | null {
  const n = Math.min(lines.length, limit);
  for (const re of BODY_PATTERNS) {
    for (let l = 0; l < n; l++) {
      const text = lines[l];
      if (text.length < 4) continue;
      const m = re.exec(text);
      if (!m) continue;
      const organ = cleanOrgan(m[1]);
      if (!plausibleOrgan(organ) || /^(?:县|市|区|州|省)/.test(organ) && organ.length < 4) continue;
      return { organ, source: 'body', line: l, col: text.indexOf(organ), year: null };
    }
  }
  return townshipByFrequency(lines, n);
}

const NOT_A_NAME = /^[我本全各该每此城下返家村乡镇]./;

/** The township or town the prose names most often (刘楼乡 in '成立刘楼乡政府信息公开工作领导小组'). */
function townshipByFrequency(lines: readonly string[], n: number): OrganFinding | null {
  const counts = new Map<string, { count: number; line: number }>();
  for (let l = 0; l < n; l++) {
    const text = lines[l];
    for (let i = 2; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '乡' && ch !== '镇') continue;
      for (let len = 2; len <= 3; len++) {
        const start = i - len;
        if (start < 0) break;
        const name = text.slice(start, i + 1);
        if (!/^[\u4e00-\u9fff]+$/.test(name) || NOT_A_NAME.test(name)) continue;
        const c = counts.get(name);
        if (c) c.count++;
        else counts.set(name, { count: 1, line: l });
      }
    }
  }
  let best: string | null = null;
  let bestCount = 1;
  for (const [name, c] of counts) {
    if (c.count > bestCount || (c.count === bestCount && best !== null && name.length > best.length && name.endsWith(best.slice(-2)))) {
      best = name;
      bestCount = c.count;
    }
  }
  if (!best) return null;
  const hit = counts.get(best)!;
  return { organ: best, source: 'body', line: hit.line, col: lines[hit.line].indexOf(best), year: null };
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年\s*度?[^。\n]{0,10}?政府信息公开工作[^。\n]{0,4}?(?:年度)?报告/;
const PERIOD = /统计期限?(?:为|是|自|:|：)?\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:起)?\s*(?:至|到|-|—|~)\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日/;

export function findPeriod(text: string): { period: string; year: number } | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  return { period: m[0].replace(/^统计期限?(?:为|是|自|:|：)?\s*/, '').replace(/\s+/g, ''), year: Number(m[1]) };
}

function validYear(y: number): boolean {
  return y >= 2000 && y <= 2100;
}

/** The report year: title, then '…YYYY年度政府信息公开工作年度报告' in the body, then the period, then the first year the prose names. */
export function findYear(lines: readonly string[], titleYear: number | null, periodYear: number | null, s1Text: string | null): number | null {
  if (titleYear && validYear(titleYear)) return titleYear;
  const head = lines.slice(0, 60).join('\n');
  const m = YEAR_IN_TITLE.exec(head);
  if (m && validYear(Number(m[1]))) return Number(m[1]);
  if (periodYear && validYear(periodYear)) return periodYear;
  const prose = s1Text ?? head;
  const y = /((?:19|20)\d{2})\s*年/.exec(prose);
  if (y && validYear(Number(y[1]))) return Number(y[1]);
  return null;
}
