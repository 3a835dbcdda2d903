/**
 * Whole-text variants seen in real reports: full-width digits (Word documents
 * typed with a Chinese IME) and traditional characters, sometimes with the pinyin
 * glosses a mirror site adds after rarer characters (數(shù), 據(jù)).
 */
import { createRequire } from 'node:module';

export function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

type Convert = (s: string) => string;
let converter: Convert | null = null;

function cn2t(): Convert {
  if (!converter) {
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js/cn2t') as { Converter: (o: { from: string; to: string }) => Convert };
    converter = OpenCC.Converter({ from: 'cn', to: 'tw' });
  }
  return converter;
}

const GLOSSES: Record<string, string> = {
  數: 'shù',
  據: 'jù',
  發: 'fā',
  現: 'xiàn',
  業: 'yè',
  鎮: 'zhèn',
  規: 'guī',
  區: 'qū',
  轉: 'zhuǎn',
  績: 'jì',
};
const GLOSS_RE = new RegExp(`[${Object.keys(GLOSSES).join('')}]`, 'g');

export function toTraditional(text: string, glosses: boolean): string {
  const t = cn2t()(text);
  return glosses ? t.replace(GLOSS_RE, (c) => `${c}(${GLOSSES[c]})`) : t;
}
