import { describe, expect, it } from 'vitest';
import { extractFile as extractText } from '../../scripts/lib/nodeExtract.ts';
import { makeReport, fromSynth, reportDocx, title } from './render.ts';
import { readBack } from './readBack.ts';

describe('Word report (.docx through mammoth into the page reader)', () => {
  for (const template of ['2019', '2021'] as const) {
    it(`${template} template: merged cells expanded, every number in its row and column`, async () => {
      const d = makeReport(template === '2019' ? 61 : 62, template);
      const r = await extractText('report.docx', await reportDocx(d));
      if ('error' in r) throw new Error(r.error);
      const lines = r.text.split('\n');
      expect(lines[0]).toBe(title(d));
      expect(readBack(r.text, template).facts).toEqual(d.facts);
      // vertically merged 三、本年度办理结果 / （三）不予公开 stay in the first row they cover
      expect(lines.find((l) => l.includes('1.属于国家秘密'))!.split('\t').slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
      expect(lines.find((l) => l.includes('（一）予以公开'))!.split('\t').slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '']);
      const i = lines.findIndex((l) => l.startsWith('行政许可\t'));
      expect(r.lineLocators[i]).toBe('表1 第7行'); // 第二十条第（一）项, 信息内容, two rows, 第二十条第（五）项, 信息内容, 行政许可
    });
  }

  it('synthetic figures with blank cells keep their columns', async () => {
    const d = fromSynth(7, '2021');
    d.facts['s3.partial.legal'] = null;
    d.blank = [...(d.blank ?? []), 's3.partial.legal'];
    const r = await extractText('synth.docx', await reportDocx(d));
    if ('error' in r) throw new Error(r.error);
    expect(r.text.split('\n').find((l) => l.includes('（二）部分公开'))!.split('\t')[7]).toBe('');
    expect(readBack(r.text, '2021').facts).toEqual(d.facts);
  });

  it('a file that is not a Word document is an error, not an empty report', async () => {
    const r = await extractText('broken.docx', new TextEncoder().encode('not a zip'));
    expect(r).toEqual({ error: expect.stringContaining('无法读取 Word 文件 broken.docx：') });
  });
});
