/** What the copied-text checks (C22, C23) compare: the prose of sections 五 and 一, when long enough to judge. */
import type { ParsedReport } from '../parse/types';
import { normaliseForSimilarity } from './similarity';

/** Below this many characters a section is too short to call copied. */
export const MIN_SIMILARITY_CHARS = 30;
/** Shingle Jaccard from which two texts count as copied. */
export const COPY_THRESHOLD = 0.8;

export function proseFor(report: ParsedReport, which: 1 | 5): string | null {
  const t = which === 1 ? report.prose.s1 : report.prose.s5;
  return t && normaliseForSimilarity(t).length >= MIN_SIMILARITY_CHARS ? t : null;
}

export const SECTION_NAME = { 1: '第一部分', 5: '第五部分' } as const;
