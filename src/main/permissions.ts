/**
 * Session permissions: denied unless listed here and asked for by our own page. Journeyboard
 * needs no camera, microphone, location, notifications, USB, HID, serial or MIDI.
 */
import type { Session } from 'electron'
import type { UrlCheck } from './window'

/** Harmless requests our own page may make: copy to clipboard, presentation full screen. */
const ALLOWED = new Set<string>(['clipboard-sanitized-write', 'fullscreen'])

export function lockDownSession(session: Session, isAppUrl: UrlCheck): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED.has(permission) && details.isMainFrame && isAppUrl(details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => {
    return ALLOWED.has(permission) && details.isMainFrame && isAppUrl(details.requestingUrl ?? '')
  })
  session.setDevicePermissionHandler(() => false)
}
