/** C08: section 五 states problems and measures and is not just 无. */
import { defineCheck } from '../defineCheck';
import { fail, na, pass } from '../finding';
import { joinedProse, quote } from '../sectionText';
import { cutNote, textEndsIn } from '../truncation';

const NOTHING = /^(无|没有|暂无|无问题|无其他需要报告的事项|没有需要报告的事项)$/;
const PROBLEM = /问题|不足|短板|差距|薄弱|有待|不够|欠缺|滞后|不高|不强|不完善|不到位|不及时|困难|不规范/;
const MEASURE = /改进|措施|下一步|今后|加强|完善|提升|推进|强化|整改|规范|提高/;

export default defineCheck({
  id: 'C08',
  group: 'A',
  title: '存在问题及改进情况有实质内容',
  severity: 'warning',
  scope: 'report',
  run(report) {
    const p = joinedProse(report, 5);
    if (!p) return na('未见第五部分（存在的主要问题及改进情况）');
    const body = p.text.replace(/[。.；;\s]+$/u, '');
    if (!body || NOTHING.test(body)) return fail(`第五部分仅写“${body || '（空）'}”，未说明问题和改进措施`);
    const lacks: string[] = [];
    if (!PROBLEM.test(body)) lacks.push('存在的问题');
    if (!MEASURE.test(body)) lacks.push('改进措施');
    if (lacks.length && textEndsIn(report) === 5) return na(`${cutNote(5)}，第五部分未见${lacks.join('和')}`);
    if (lacks.length) return fail(`第五部分未写明${lacks.join('和')}：“${quote(body)}”`);
    return pass(`第五部分写明了问题和改进措施（${body.length} 字）`);
  },
});
