/** Figures stated in the prose of section 一. */

export interface ProseFigure {
  value: number;
  approximate: boolean;
  raw: string;
  /** offset in the joined prose */
  offset: number;
}

// 主动公开政府信息352条 · 主动共公开各类政府信息 20 余条 · 全年主动公开政府信息共计478条 ·
// 全年主动公开我区各级单位政府信息2645条 · 主动发布各类政府信息 2428 条: the overall figure,
// the words 政府信息 right before it (a category — 规范性文件, 其他应主动公开政府信息 — is not the total)
const PROACTIVE = /(其他应?|另)?主动(?:共)?(?:公开|发布)(?:了)?[^。；;，,\d\n]{0,12}?(?:政府)?信息\s*(?:共计|共|总数为?|总计|累计)?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(余|多)?\s*条/g;

/** The proactive-disclosure total: the first overall '主动公开…信息N条' in section 一 (line breaks inside the phrase are read through). */
export function proactiveTotal(s1: string): ProseFigure | null {
  const joined = s1.replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '');
  PROACTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROACTIVE.exec(joined))) {
    if (m[1]) continue; // 其他应主动公开政府信息1053条: one category of it
    return { value: Number(m[2].replace(/,/g, '')), approximate: Boolean(m[3]), raw: m[0], offset: m.index };
  }
  return null;
}
