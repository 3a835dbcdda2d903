// Minimal types for the traditional → simplified build of opencc-js (the package ships none).
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 't' | 'tw' | 'twp' | 'hk' | 'jp'; to: 'cn' }): (text: string) => string;
}
