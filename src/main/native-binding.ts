/**
 * Which build of better-sqlite3's native module the main process loads, and what to tell the user
 * when it does not load. Pure: no Electron import, so it is unit-tested in Node.
 *
 * There are two builds side by side. node_modules/better-sqlite3/build/Release holds the Node
 * build (tests, CLI, web host). Electron, whose Node has another ABI (NODE_MODULE_VERSION),
 * needs its own: built by `npm run rebuild:electron` (or the first `npm start`) into
 * node_modules/.journeyboard-electron/, and shipped by packaging in resources/native/.
 */
import { join } from 'node:path'

/** The Electron build beside the Node build, relative to the app's folder (development). */
export const DEV_ELECTRON_BINDING = 'node_modules/.journeyboard-electron/better_sqlite3.node'
/** The Node build, relative to the app's folder: what `new Database()` loads without `nativeBinding`. */
export const NODE_BINDING = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
/** Where packaging puts the Electron build (electron-builder.yml, extraResources), relative to resourcesPath. */
export const PACKAGED_BINDING = 'native/better_sqlite3.node'

export interface BindingContext {
  /** app.isPackaged */
  readonly isPackaged: boolean
  /** app.getAppPath(): the project folder in development */
  readonly appPath: string
  /** process.resourcesPath */
  readonly resourcesPath: string
  readonly exists: (path: string) => boolean
}

export interface BindingChoice {
  /** Absolute path of the .node file to pass as `nativeBinding`. */
  readonly path: string
  /**
   * 'packaged': the app's own build; 'electron-build': the side build of development;
   * 'node-build': no side build exists, so the Node build is tried (it loads only if someone
   * rebuilt node_modules for Electron; otherwise the dialog says to run rebuild:electron).
   */
  readonly source: 'packaged' | 'electron-build' | 'node-build'
}

export function chooseBinding(context: BindingContext): BindingChoice {
  if (context.isPackaged) return { path: join(context.resourcesPath, PACKAGED_BINDING), source: 'packaged' }
  const side = join(context.appPath, DEV_ELECTRON_BINDING)
  if (context.exists(side)) return { path: side, source: 'electron-build' }
  return { path: join(context.appPath, NODE_BINDING), source: 'node-build' }
}

export type BindingFailure =
  /** Compiled for another runtime: `builtFor` and `runtimeNeeds` are NODE_MODULE_VERSIONs when the message gives them. */
  | { readonly kind: 'abi-mismatch'; readonly builtFor: number | null; readonly runtimeNeeds: number | null }
  | { readonly kind: 'missing' }
  | { readonly kind: 'other'; readonly detail: string }

/** Sorts a failure to load a native module (from require / process.dlopen, or its `{ message, code }`) by its cause. */
export function classifyBindingError(error: unknown): BindingFailure {
  const fields = typeof error === 'object' && error !== null ? (error as { message?: unknown; code?: unknown }) : {}
  const message = typeof fields.message === 'string' ? fields.message : String(error)
  const code = fields.code
  const versions = /NODE_MODULE_VERSION (\d+)[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(message)
  if (versions) return { kind: 'abi-mismatch', builtFor: Number(versions[1]), runtimeNeeds: Number(versions[2]) }
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|Module did not self-register/.test(message)) {
    return { kind: 'abi-mismatch', builtFor: null, runtimeNeeds: null }
  }
  if (
    code === 'MODULE_NOT_FOUND' ||
    code === 'ENOENT' ||
    /Cannot find module|No such file or directory|cannot open shared object file|Could not locate the bindings file/.test(
      message
    )
  ) {
    return { kind: 'missing' }
  }
  return { kind: 'other', detail: firstLine(message) }
}

/**
 * Loads the module once through `load` (the main process's require) so a failure can be named
 * before the library is opened; better-sqlite3 then finds it in the require cache.
 */
export function probeBinding(path: string, load: (path: string) => unknown): BindingFailure | null {
  try {
    const addon = load(path) as { Database?: unknown } | null
    if (typeof addon?.Database !== 'function')
      return { kind: 'other', detail: `${path} is not better-sqlite3's module` }
    return null
  } catch (error) {
    return classifyBindingError(error)
  }
}

export interface BindingDialog {
  readonly title: string
  readonly message: string
}

const REBUILD = 'Run `npm run rebuild:electron` in the Journeyboard folder, then start the app again.'
const REINSTALL = 'The installation is damaged: reinstall Journeyboard.'

/** The dialog shown instead of the generic "cannot open its library" when the SQLite module does not load. */
export function bindingFailureDialog(failure: BindingFailure, choice: BindingChoice): BindingDialog {
  const title = 'Journeyboard cannot load its SQLite module'
  const fix = choice.source === 'packaged' ? REINSTALL : REBUILD
  const where = `Module: ${choice.path}`
  switch (failure.kind) {
    case 'abi-mismatch': {
      const versions =
        failure.builtFor !== null && failure.runtimeNeeds !== null
          ? ` (it has NODE_MODULE_VERSION ${failure.builtFor}; this Electron needs ${failure.runtimeNeeds})`
          : ''
      const which =
        choice.source === 'node-build' ? ": only the Node.js build exists, Electron's own was not built yet" : ''
      return {
        title,
        message: `The SQLite module was built for another runtime${versions}${which}. ${fix}\n\n${where}`
      }
    }
    case 'missing':
      return {
        title,
        message: `The SQLite module built for Electron is missing. ${fix}\n\n${where}`
      }
    case 'other':
      return {
        title,
        message: `The SQLite module could not be loaded: ${failure.detail}. ${fix}\n\n${where}`
      }
  }
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text
  return line.trim().replace(/[.:]$/, '')
}
