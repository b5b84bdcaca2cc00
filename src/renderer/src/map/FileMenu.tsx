/**
 * The map header's File ▾ menu: the action table's file actions that apply to an open map (Save
 * map as…, Export…, Import…, Invite participants…), labelled `action.<id>`, with the keys the
 * desktop app's native menu gives them. Choosing one runs the same menu command the native menu
 * sends, so the page's handlers (exchange/ExchangeHost, live/LiveButtons) are the only ones.
 */
import { actionDef, chordLabel, type ActionId } from '../../../shared/actions'
import { hasIpcBridge, runMenuCommand } from '../api/ipc-transport'
import { MenuButton, type MenuItem } from '../common/MenuButton'
import { t } from '../i18n'

/** The file actions of an open map, in menu order. */
export const MAP_FILE_ACTIONS = [
  'saveMapAs',
  'exportMap',
  'importMap',
  'inviteParticipants'
] as const satisfies readonly ActionId[]

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function FileMenu() {
  // The keys work where the native menu registers them: in the desktop app.
  const withKeys = hasIpcBridge()
  const items: MenuItem[] = MAP_FILE_ACTIONS.map((id) => {
    const chord = actionDef(id).keys[0]
    return {
      id,
      label: t(`action.${id}`),
      keys: withKeys && chord ? chordLabel(chord, isMac()) : undefined,
      run: () => runMenuCommand(id)
    }
  })
  return <MenuButton className="file-menu" label={t('map.fileMenu')} items={items} />
}
