import { generateReport } from './synth/index';
import { parseReport } from '../src/parse';
const r = generateReport(3600381, { layout: 'flattened', template: '2019' });
const i = r.text.indexOf('采购');
console.log(JSON.stringify(r.text.slice(Math.max(0, r.text.indexOf('政府集中采购') - 200), r.text.indexOf('政府集中采购') + 120)));
console.log(r.facts['s2.procurement.count'], r.facts['s2.procurement.amount']);
const p = parseReport(r.text);
console.log(p.cells['s2.procurement.count'], p.cells['s2.procurement.amount']);
console.log(p.notes.filter(n => /procure|采购/.test(JSON.stringify(n))));
