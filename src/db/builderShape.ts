/** The columns of 表格生成器's rows (tableBuilder in researchQueries.ts): the report before the figures, its source after. */
export const BUILDER_LEAD = ['report_id', 'organ', 'province', 'city', 'county', 'level', 'year', 'template'] as const;
export const BUILDER_TAIL = ['file', 'source_url'] as const;
