// opencc-js ships no type declarations; only the t2cn entry (traditional → mainland simplified) is used.
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: string; to: string }): (text: string) => string;
}
