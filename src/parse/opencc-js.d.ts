// opencc-js ships no type declarations; only the t2cn entry (traditional → mainland simplified) is used.
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
  /** dictionaries: each group is a list of 'from to|from to|…' strings (characters first, then phrases) */
  export const Locale: {
    from: Record<string, (string | string[][])[]>;
    to: Record<string, (string | string[][])[]>;
  };
}
