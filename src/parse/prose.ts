/** Figures stated in the prose of section 一. */

export interface ProseFigure {
  value: number;
  approximate: boolean;
  raw: string;
  /** offset in the joined prose */
  offset: number;
}

// 主动公开政府信息352条 · 主动共公开各类政府信息 20 余条 · 全年主动公开政府信息共计478条
const PROACTIVE = /主动(?:共)?公开(?:了)?[^。；;，,\d\n]{0,12}?(?:共计|共|总数为?|总计|累计)?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(余|多)?\s*条/;

/** The proactive-disclosure total: the first '主动公开…N条' in section 一 (line breaks inside the phrase are read through). */
export function proactiveTotal(s1: string): ProseFigure | null {
  const joined = s1.replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '');
  const m = PROACTIVE.exec(joined);
  if (!m) return null;
  return { value: Number(m[1].replace(/,/g, '')), approximate: Boolean(m[2]), raw: m[0], offset: m.index };
}
