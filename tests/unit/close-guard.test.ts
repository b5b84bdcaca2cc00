/**
 * The desktop window-close guard (src/main/close-guard.ts). Electron cannot run on this machine,
 * so the guard is driven through the same event and channel names Electron uses, with a window
 * stand-in that records what is sent to the page.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { CLOSE_DIALOG, choiceOf, installCloseGuard, type GuardedWindow } from '../../src/main/close-guard'
import { IPC_CLOSE_CHANNEL, isCloseRequest } from '../../src/shared/api/ipc'

class PageStandIn extends EventEmitter {
  readonly sent: [string, unknown][] = []
  constructor(private readonly url: string) {
    super()
  }
  getURL = () => this.url
  isDestroyed = () => false
  send = (channel: string, value: unknown) => void this.sent.push([channel, value])
}

function guarded(url: string, answer: number) {
  const page = new PageStandIn(url)
  const asked: unknown[] = []
  const win = { webContents: page } as unknown as GuardedWindow
  installCloseGuard(
    win,
    (u) => u.startsWith('app://journeyboard/'),
    (options) => {
      asked.push(options)
      return answer
    }
  )
  return { page, asked }
}

describe('closing a window with unsaved edits', () => {
  it('offers save, discard and cancel, in that order, with Cancel as the escape answer', () => {
    expect(CLOSE_DIALOG.buttons).toEqual(['Save and close', 'Close without saving', 'Cancel'])
    expect([choiceOf(0), choiceOf(1), choiceOf(2)]).toEqual(['save', 'discard', 'cancel'])
    expect(CLOSE_DIALOG.buttons?.[CLOSE_DIALOG.cancelId ?? -1]).toBe('Cancel')
    expect(choiceOf(-1)).toBe('cancel') // a closed dialog, or anything unexpected, loses nothing
  })

  it('hands the page the choice to save or discard; Cancel leaves it alone', () => {
    for (const [answer, expected] of [
      [0, 'save'],
      [1, 'discard']
    ] as const) {
      const { page, asked } = guarded('app://journeyboard/index.html', answer)
      page.emit('will-prevent-unload', { preventDefault() {} })
      expect(asked).toEqual([CLOSE_DIALOG])
      expect(page.sent).toEqual([[IPC_CLOSE_CHANNEL, expected]])
      expect(isCloseRequest(page.sent[0]?.[1])).toBe(true)
    }
    const cancelled = guarded('app://journeyboard/index.html', 2)
    cancelled.page.emit('will-prevent-unload', { preventDefault() {} })
    expect(cancelled.page.sent).toEqual([])
  })

  it('does not ask for a page that is not ours', () => {
    const { page, asked } = guarded('https://example.invalid/', 0)
    page.emit('will-prevent-unload', { preventDefault() {} })
    expect(asked).toEqual([])
    expect(page.sent).toEqual([])
  })
})
