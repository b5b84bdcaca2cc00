/**
 * The renderer's Content-Security-Policy, sent as an HTTP header by the web host and by the
 * desktop shell's app:// protocol handler (never as a <meta> tag: `frame-ancestors` is ignored
 * there and logs a console error on every load). `scripts/security-scan.mjs` evaluates this very
 * string with Electronegativity's CSP checks.
 *
 * connect-src 'self' covers the web host's own WebSocket (ws://same host and port); img-src needs
 * data: and blob: for the PNG export preview; 'wasm-unsafe-eval' lets HarfBuzz's WebAssembly
 * compile (eval itself stays blocked); nothing is loaded from anywhere else.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
