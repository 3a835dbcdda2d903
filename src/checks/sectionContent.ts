/**
 * C07–C09: what the prose sections must say — section 一 covers the five topics,
 * section 五 names problems and measures, section 六 (2021 on) says whether
 * information processing fees were charged.
 */
import type { ParsedReport } from '../parse/types';
import { type CheckFinding, finding } from './finding';
import { joinedProse } from './sectionText';
import { cutNote, textEndsIn } from './truncation';

/** The five topics of section 一 and the wording that shows each is covered. */
export const SECTION1_TOPICS: readonly { topic: string; pattern: RegExp }[] = [
  { topic: '主动公开', pattern: /主动公开|主动公布|公开内容|发布政府信息|公开各类/ },
  { topic: '依申请公开', pattern: /依申请|申请公开|公开申请|申请.{0,4}答复/ },
  { topic: '政府信息管理', pattern: /信息管理|保密审查|审核|审查|公开目录|公开指南|信息清理|制度/ },
  { topic: '平台建设', pattern: /平台|网站|政务网|门户|公开栏|专栏|新媒体|微博|微信|公众号|客户端|电子屏/ },
  { topic: '监督保障', pattern: /监督|保障|考核|培训|问责|评议|领导小组/ },
];

/** C07: section 一 covers 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障. */
export function checkSection1Topics(report: ParsedReport): CheckFinding {
  const p = joinedProse(report, 1);
  if (!p || !p.text) return finding('C07', 'na', 'warning', '未见第一部分（总体情况）文字');
  const missing = SECTION1_TOPICS.filter((t) => !t.pattern.test(p.text)).map((t) => t.topic);
  if (missing.length && textEndsIn(report) === 1) {
    return finding('C07', 'na', 'warning', `${cutNote(1)}，第一部分未见：${missing.join('、')}`);
  }
  if (missing.length) {
    return finding('C07', 'fail', 'warning', `第一部分未涉及：${missing.join('、')}`);
  }
  return finding('C07', 'pass', 'warning', '第一部分涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障');
}

const NOTHING = /^(无|没有|暂无|无问题|无其他需要报告的事项|没有需要报告的事项)$/;
const PROBLEM = /问题|不足|短板|差距|薄弱|有待|不够|欠缺|滞后|不高|不强|不完善|不到位|不及时|困难|不规范/;
const MEASURE = /改进|措施|下一步|今后|加强|完善|提升|推进|强化|整改|规范|提高/;

function quote(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** C08: section 五 states problems and measures and is not just 无. */
export function checkSection5Substance(report: ParsedReport): CheckFinding {
  const p = joinedProse(report, 5);
  if (!p) return finding('C08', 'na', 'warning', '未见第五部分（存在的主要问题及改进情况）');
  const body = p.text.replace(/[。.；;\s]+$/u, '');
  if (!body || NOTHING.test(body)) {
    return finding('C08', 'fail', 'warning', `第五部分仅写“${body || '（空）'}”，未说明问题和改进措施`);
  }
  const lacks: string[] = [];
  const cut = textEndsIn(report) === 5;
  if (!PROBLEM.test(body)) lacks.push('存在的问题');
  if (!MEASURE.test(body)) lacks.push('改进措施');
  if (lacks.length && cut) return finding('C08', 'na', 'warning', `${cutNote(5)}，第五部分未见${lacks.join('和')}`);
  if (lacks.length) return finding('C08', 'fail', 'warning', `第五部分未写明${lacks.join('和')}：“${quote(body)}”`);
  return finding('C08', 'pass', 'warning', `第五部分写明了问题和改进措施（${body.length} 字）`);
}

const FEE = /信息处理费|处理费|收费|收取[^。；]{0,8}费|费用/;

/** C09: section 六 says whether 信息处理费 was charged (2021 on; omitted before). */
export function checkFeeStatement(report: ParsedReport, sourceText?: string | null): CheckFinding | null {
  if (report.year === null) return finding('C09', 'na', 'warning', '报告年度不详');
  if (report.year < 2021) return null;
  const p = joinedProse(report, 6, sourceText);
  if (!p) return finding('C09', 'na', 'warning', '未见第六部分（其他需要报告的事项）');
  const m = FEE.exec(p.text);
  if (!m) {
    return finding('C09', 'fail', 'warning', `第六部分写作“${quote(p.text) || '（空）'}”，未说明是否收取信息处理费`);
  }
  const line = p.lineAt(m.index);
  const at = line === null ? '' : `第 ${line} 行：`;
  const from = Math.max(0, m.index - 10);
  return finding('C09', 'pass', 'warning', `第六部分说明了收费情况（${at}“${quote(p.text.slice(from), 30)}”）`);
}
