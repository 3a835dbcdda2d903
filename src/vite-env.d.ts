/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module '*.sqlite?url' {
  const url: string;
  export default url;
}
