/** C07: section 一 covers 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障. */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';
import { joinedProse } from '../sectionText';
import { cutNote, textEndsIn } from '../truncation';

/** The five topics of section 一 and the wording that shows each is covered. */
export const SECTION1_TOPICS: readonly { topic: string; pattern: RegExp }[] = [
  { topic: '主动公开', pattern: /主动公开|主动公布|公开内容|发布政府信息|公开各类/ },
  { topic: '依申请公开', pattern: /依申请|申请公开|公开申请|申请.{0,4}答复/ },
  { topic: '政府信息管理', pattern: /信息管理|保密审查|审核|审查|公开目录|公开指南|信息清理|制度/ },
  { topic: '平台建设', pattern: /平台|网站|政务网|门户|公开栏|专栏|新媒体|微博|微信|公众号|客户端|电子屏/ },
  { topic: '监督保障', pattern: /监督|保障|考核|培训|问责|评议|领导小组/ },
];

export default defineCheck({
  id: 'C07',
  group: 'A',
  title: '总体情况涵盖五方面',
  severity: 'warning',
  scope: 'report',
  run(report) {
    const p = joinedProse(report, 1);
    if (!p || !p.text) return na('未见第一部分（总体情况）文字');
    const missing = SECTION1_TOPICS.filter((t) => !t.pattern.test(p.text)).map((t) => t.topic);
    if (missing.length && textEndsIn(report) === 1) return na(`${cutNote(1)}，第一部分未见：${missing.join('、')}`);
    if (missing.length) return fail(`第一部分未涉及：${missing.join('、')}`);
    return pass('第一部分涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障');
  },
});
