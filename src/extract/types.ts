/** What a report file yields for the text parser. */
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
  /** one per line of `text`: where a reader finds it (`表2 第5行`, `第3页 y=512`), null for prose; empty for plain text */
  lineLocators: (string | null)[];
  meta: ExtractMeta;
  /** the charset of a text file or web page (utf-8, gb18030 …); `pdf` / `docx` for those */
  encoding: string;
}

export type ExtractResult = Extracted | { error: string };
