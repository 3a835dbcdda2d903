/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module '*.sqlite.gz?url' {
  const url: string;
  export default url;
}
declare module '*.sqlite?url' {
  const url: string;
  export default url;
}
