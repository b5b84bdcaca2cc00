/**
 * The type the preload's bridge is checked against (`satisfies PreloadApi`). It is the shared
 * IpcBridge so the renderer, which may not import from src/preload, sees the same shape.
 */
import type { IpcBridge } from '../shared/api/ipc'

export type { IpcBridge, IpcResult, IpcError, MenuCommand } from '../shared/api/ipc'

export type PreloadApi = IpcBridge
