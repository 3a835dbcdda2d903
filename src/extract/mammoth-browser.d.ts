// mammoth's browser build (a UMD bundle) has the API of the package, typed by its index.d.ts.
declare module 'mammoth/mammoth.browser.js' {
  import mammoth from 'mammoth';
  export default mammoth;
}
