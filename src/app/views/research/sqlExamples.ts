/** Example queries of 查询, each run with one click: the tables as researchers use them. */
export interface SqlExample {
  id: string;
  title: string;
  /** what it shows, and what to change */
  note: string;
  sql: string;
}

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    id: 'new-by-province',
    title: '各省历年新收申请',
    note: '表三“本年新收政府信息公开申请数量”总计列之和；“填报份数”是写了这个数字的报告数（未填报的不算作 0）。',
    sql: `SELECT o.province AS 省份, r.year AS 年度,
       COUNT(*) AS 报告数,
       COUNT(r.s3_new_total) AS 填报份数,
       SUM(r.s3_new_total) AS 新收申请
FROM reports r JOIN organs o USING (organ_id)
GROUP BY o.province, r.year
ORDER BY o.province, r.year;`,
  },
  {
    id: 'procurement-top',
    title: '政府集中采购金额前 20',
    note: '2019 年模板表二“政府集中采购”（2021 年模板已无此栏）；金额统一为万元，“原文单位”为空表示报告未注明单位。',
    sql: `SELECT COALESCE(r.organ_name, o.name) AS 机关, o.province AS 省份, r.year AS 年度,
       r.s2_procurement_count AS 采购项目数量,
       r.s2_procurement_amount AS 采购总金额_万元,
       r.procurement_unit AS 原文单位
FROM reports r JOIN organs o USING (organ_id)
WHERE r.s2_procurement_amount IS NOT NULL
ORDER BY r.s2_procurement_amount DESC
LIMIT 20;`,
  },
  {
    id: 'table3-unbalanced',
    title: '表三不平衡的报告',
    note: '表三算术检查未通过：C12 新收+上年结转=总计+结转下年度，C13 各行总计=六类申请人之和，C14 办理结果总计=各项之和。',
    sql: `SELECT r.report_id, COALESCE(r.organ_name, o.name) AS 机关, r.year AS 年度,
       f.check_id AS 检查, c.title AS 规则, f.evidence AS 证据
FROM failures f
JOIN reports r USING (report_id)
JOIN organs o USING (organ_id)
JOIN checks c USING (check_id)
WHERE f.check_id IN ('C12', 'C13', 'C14')
ORDER BY r.year, 机关, f.check_id;`,
  },
  {
    id: 'failures-by-check',
    title: '各项检查未通过的报告数',
    note: '每项合规检查（CHECKS.md）未通过的报告数及其通常严重程度。',
    sql: `SELECT c.check_id AS 检查, c.title AS 规则, c.severity AS 严重程度,
       COUNT(f.report_id) AS 未通过报告数
FROM checks c LEFT JOIN failures f USING (check_id)
GROUP BY c.check_id
ORDER BY 未通过报告数 DESC, c.check_id;`,
  },
  {
    id: 'outcomes-by-year',
    title: '依申请公开办理结果（按年度）',
    note: '表三总计列：予以公开、部分公开与办理结果总计之和，以及予以公开所占比例。',
    sql: `SELECT r.year AS 年度, COUNT(*) AS 报告数,
       SUM(r.s3_granted_total) AS 予以公开,
       SUM(r.s3_partial_total) AS 部分公开,
       SUM(r.s3_total_total) AS 办理结果总计,
       ROUND(100.0 * SUM(r.s3_granted_total) / NULLIF(SUM(r.s3_total_total), 0), 1) AS 予以公开占比
FROM reports r
GROUP BY r.year
ORDER BY r.year;`,
  },
  {
    id: 'provenance',
    title: '一份报告的数字出处（明细）',
    note: '明细表 cell_provenance：每个数字来自原文哪一行。改动 report_id 查看其他报告；明细文件在查询时才下载。',
    sql: `SELECT key AS 指标, label AS 标签, state AS 状态, line AS 行号, raw AS 原文, line_text AS 所在行
FROM cell_provenance
WHERE report_id = 1
ORDER BY line
LIMIT 50;`,
  },
  {
    id: 'unread-files',
    title: '未能完整读取的文件',
    note: '构建时读取失败或只读到一部分的输入文件及原因（source_files）。',
    sql: `SELECT file AS 文件, outcome AS 结果, reason AS 原因, encoding AS 格式
FROM source_files
WHERE outcome <> 'ok'
ORDER BY outcome, file;`,
  },
];
