/** What a structured input (saved page, Word file, PDF) yields for the text parser. */
export interface ExtractMeta {
  /** publication date, YYYY-MM-DD (发布日期) */
  published?: string;
  /** 来源 / 发布机构 */
  source?: string;
  /** 索引号 */
  indexNo?: string;
  title?: string;
}

export interface Extracted {
  /** lines joined by '\n'; table rows are TAB-separated, a blank cell an empty field */
  text: string;
  /** one per line of `text`: where a reader finds it (`表2 第5行`, `第3页 y=512`), null for prose */
  lineLocators: (string | null)[];
  meta: ExtractMeta;
  /** the charset a web page was decoded with */
  encoding?: string;
}

export type ExtractResult = Extracted | { error: string };
