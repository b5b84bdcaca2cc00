/**
 * The preload: a sandboxed script that puts one object, `window.journeyboard`, into the page.
 * One method per API call, four subscriptions (library events, menu commands, the close
 * dialog's choice, files opened), saving an export through the main process's save dialog, and
 * taking the files the user opened (File ▸ Open…, a double-clicked map). ipcRenderer itself never
 * leaves this file, and the IPC event object (which carries the sender) is never handed to the
 * page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ApiEvent, ApiMethod, ApiRequest, ApiResponse } from '../shared/api/contract'
import {
  BRIDGE_KEY,
  IPC_CLOSE_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_LANGUAGE_CHANNEL,
  IPC_FILE_OPENED_CHANNEL,
  IPC_MENU_CHANNEL,
  IPC_SAVE_FILE_CHANNEL,
  IPC_TAKE_OPENED_FILES_CHANNEL,
  ipcMethodChannel,
  isCloseRequest,
  isMenuCommand,
  type CloseRequest,
  type IpcResult,
  type MenuCommand,
  type OpenedFileMessage
} from '../shared/api/ipc'
import { isLanguage, type Language } from '../shared/i18n/languages'
import type { SaveExportFileRequest, SaveExportFileResult } from '../shared/api/save-file'
import type { PreloadApi } from './types'

function call<K extends ApiMethod>(method: K): (req: ApiRequest<K>) => Promise<IpcResult<ApiResponse<K>>> {
  const channel = ipcMethodChannel(method)
  return (req) => ipcRenderer.invoke(channel, req) as Promise<IpcResult<ApiResponse<K>>>
}

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void) {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function')
  const handler = (_event: IpcRendererEvent, value: unknown): void => {
    if (accept(value)) listener(value)
  }
  ipcRenderer.on(channel, handler)
  return (): void => {
    ipcRenderer.removeListener(channel, handler)
  }
}

function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

const api = {
  getAppInfo: call('getAppInfo'),
  listMaps: call('listMaps'),
  searchMaps: call('searchMaps'),
  getMap: call('getMap'),
  createMap: call('createMap'),
  applyPatch: call('applyPatch'),
  pushChanges: call('pushChanges'),
  duplicateMap: call('duplicateMap'),
  trashMap: call('trashMap'),
  listTrash: call('listTrash'),
  restoreMap: call('restoreMap'),
  emptyTrash: call('emptyTrash'),
  importMap: call('importMap'),
  exportMapJson: call('exportMapJson'),
  prepareMapFile: call('prepareMapFile'),
  findMergeBase: call('findMergeBase'),
  recordMergedFile: call('recordMergedFile'),
  listPersonas: call('listPersonas'),
  savePersona: call('savePersona'),
  deletePersona: call('deletePersona'),
  listSnapshots: call('listSnapshots'),
  createSnapshot: call('createSnapshot'),
  getSnapshot: call('getSnapshot'),
  restoreSnapshot: call('restoreSnapshot'),
  liveStatus: call('liveStatus'),
  startLive: call('startLive'),
  resumeLive: call('resumeLive'),
  updateLive: call('updateLive'),
  removeParticipant: call('removeParticipant'),
  revealVotes: call('revealVotes'),
  endLive: call('endLive'),
  previewMetricsFile: call('previewMetricsFile'),
  listMetricMappings: call('listMetricMappings'),
  importMetrics: call('importMetrics'),
  onEvent: (listener: (event: ApiEvent) => void) => subscribe(IPC_EVENT_CHANNEL, isApiEvent, listener),
  onMenu: (listener: (command: MenuCommand) => void) => subscribe(IPC_MENU_CHANNEL, isMenuCommand, listener),
  onCloseRequest: (listener: (request: CloseRequest) => void) => subscribe(IPC_CLOSE_CHANNEL, isCloseRequest, listener),
  saveExportFile: (req: SaveExportFileRequest) =>
    ipcRenderer.invoke(IPC_SAVE_FILE_CHANNEL, req) as Promise<IpcResult<SaveExportFileResult>>,
  takeOpenedFiles: () =>
    ipcRenderer.invoke(IPC_TAKE_OPENED_FILES_CHANNEL) as Promise<IpcResult<readonly OpenedFileMessage[]>>,
  onFileOpened: (listener: () => void) =>
    subscribe(
      IPC_FILE_OPENED_CHANNEL,
      (_value: unknown): _value is unknown => true,
      () => listener()
    ),
  setLanguage: (language: Language) => {
    if (isLanguage(language)) ipcRenderer.send(IPC_LANGUAGE_CHANNEL, language)
  }
} satisfies PreloadApi

contextBridge.exposeInMainWorld(BRIDGE_KEY, api)
