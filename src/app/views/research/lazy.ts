/**
 * The views loaded only when opened (their own chunks), so the first page load
 * does not carry them: the researchers' three, and 自查 (with its worker, pdf.js
 * and mammoth). 查询, 数据说明 and 自查 read no filters.
 */
import type { Component } from 'svelte';

export const RESEARCH_VIEWS = {
  sql: () => import('./SqlView.svelte'),
  builder: () => import('./TableBuilderView.svelte'),
  docs: () => import('./DataDocsView.svelte'),
  selfcheck: () => import('../selfcheck/SelfCheckView.svelte'),
} satisfies Record<string, () => Promise<{ default: Component }>>;

export type ResearchViewId = keyof typeof RESEARCH_VIEWS;

export const isResearchView = (id: string): id is ResearchViewId => id in RESEARCH_VIEWS;

/** Views where the filter column has nothing to do. */
export const WITHOUT_FILTERS: ReadonlySet<string> = new Set<ResearchViewId>(['sql', 'docs', 'selfcheck']);
