/**
 * The keyboard shortcut help (? or F1, Help ▸ Keyboard Shortcuts): every action of the action
 * table that has keys, by group, with the same labels and keys the menus and handlers use.
 */
import { ACTION_GROUPS, ACTIONS, chordLabel, type ActionDef } from '../../../shared/actions'
import { Dialog } from '../common/Dialog'
import { t, type MessageKey } from '../i18n'

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function ShortcutHelp({ onClose, desktop }: { onClose(): void; desktop: boolean }) {
  const mac = isMac()
  const groups = ACTION_GROUPS.filter((g) => desktop || g !== 'file') // file keys belong to the desktop app's menu
  return (
    <Dialog title={t('help.title')} onClose={onClose} className="shortcut-help">
      <div className="shortcut-groups">
        {groups.map((group) => {
          const actions = (ACTIONS as readonly ActionDef[]).filter((a) => a.group === group && a.keys.length > 0)
          if (actions.length === 0) return null
          return (
            <section key={group} aria-labelledby={`help-${group}`}>
              <h3 id={`help-${group}`}>{t(`help.group.${group}` as MessageKey)}</h3>
              <table>
                <tbody>
                  {actions.map((action) => (
                    <tr key={action.id}>
                      <th scope="row">{t(`action.${action.id}` as MessageKey)}</th>
                      <td>
                        {action.keys.map((chord, i) => (
                          <span key={i}>
                            {i > 0 && <span className="help-or"> {t('help.or')} </span>}
                            <kbd>{chordLabel(chord, mac)}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('help.close')}
        </button>
      </div>
    </Dialog>
  )
}
