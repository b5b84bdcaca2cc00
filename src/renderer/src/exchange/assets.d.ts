/** Vite's `?url` imports: the file is bundled as an asset and the import is its URL. */
declare module '*.ttf?url' {
  const url: string
  export default url
}
declare module '*.wasm?url' {
  const url: string
  export default url
}
/** Vite's import.meta.glob, as font-files.ts uses it (eager URLs of the bundled fonts). */
interface ImportMeta {
  glob<T>(
    pattern: string,
    options: { readonly query: '?url'; readonly import: 'default'; readonly eager: true }
  ): Record<string, T>
}
