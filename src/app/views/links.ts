/** Links the views make from data. */

/** A source URL as a link target only when it is http: or https: (javascript:, data: … stay text). */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Keys for {#each} over strings that may repeat: the text and its occurrence. */
export function keyed(items: readonly string[]): { text: string; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((text) => {
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return { text, key: `${n}:${text}` };
  });
}
