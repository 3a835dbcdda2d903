import { expect, test } from 'vitest';
import { paragraphs } from '../../src/app/shape/paragraphs';

test('lines broken at the page width join into paragraphs; points and sentence ends start new ones', () => {
  const pdf = ['连生乡始终坚持贯彻落实《中华人民共和国政府信息公', '', '开条例》,提高认识，狠抓落实。', '', '1、加强领导，健全机制。结合我乡工作实际，把政府', '', '信息公开工作列入重要议事日程。', '一是公开内容不全面', '二是理解存在偏差。'].join('\n');
  expect(paragraphs(pdf)).toEqual([
    '连生乡始终坚持贯彻落实《中华人民共和国政府信息公开条例》,提高认识，狠抓落实。',
    '1、加强领导，健全机制。结合我乡工作实际，把政府信息公开工作列入重要议事日程。',
    '一是公开内容不全面',
    '二是理解存在偏差。',
  ]);
  expect(paragraphs('无')).toEqual(['无']);
  expect(paragraphs('\n\n')).toEqual([]);
});
