/** Vite's `?url` imports: the file is bundled as an asset and the import is its URL. */
declare module '*.ttf?url' {
  const url: string
  export default url
}
declare module '*.wasm?url' {
  const url: string
  export default url
}
