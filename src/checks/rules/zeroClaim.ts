/** C27: "zero report" prose (未收到…申请) agrees with 新收 = 上年结转 = 0. */
import type { FactKey } from '../../parse/factKeys';
import { defineCheck } from '../defineCheck';
import { fail, fmt, na, NO_TEMPLATE, num, pass, readAll, whyMissing } from '../finding';
import { joinedProse } from '../sectionText';

const ZERO_CLAIM =
  /(未|没有|无)(收到|受理|接到|发生)[^。；;，,]{0,12}申请|(依申请公开|公开申请)[^。；;，,]{0,8}(为|共)?\s*(0|零)\s*件|无依申请公开/;

export default defineCheck({
  id: 'C27',
  group: 'D',
  title: '“未收到申请”与表格一致',
  severity: 'warning',
  scope: 'report',
  run(report, { text }) {
    const p = joinedProse(report, 1, text);
    if (!p) return na('未见第一部分（总体情况）文字');
    const m = ZERO_CLAIM.exec(p.text);
    const keys: FactKey[] = ['s3.new.total', 's3.carried_over.total'];
    if (!m) return pass('第一部分未称未收到申请，无需比对', keys);
    const line = p.lineAt(m.index);
    const said = `第一部分${line === null ? '' : `第 ${line} 行`}称“${m[0]}”`;
    if (report.template === null) return na(`${said}；${NO_TEMPLATE}`, keys);
    const { missing } = readAll(report, keys);
    if (missing.length) return na(`${said}；${missing.map((k) => whyMissing(report, k)).join('、')}，无法核对`, keys);
    const [n, co] = keys.map((k) => num(report, k)!);
    const evidence = `${said}，表三新收总计 ${fmt(n)}、上年结转总计 ${fmt(co)}`;
    return n === 0 && co === 0 ? pass(`${evidence}，一致`, keys) : fail(evidence, keys);
  },
});
