import type { Messages } from '../../../../shared/i18n/format'
import type { app as en } from '../en/app'

export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': 'Карти на клиентското пътешествие за уъркшопи — офлайн и без загуба на данни.',
  'app.connecting': 'Отваряне на библиотеката…',
  'app.connectionLost': 'Връзката със сървъра на Journeyboard е прекъсната. Свързване отново…',
  'app.connection.unreachable':
    'Сървърът на Journeyboard не е достъпен. Ако е спрян, стартирайте го отново със същата команда: страницата ще се свърже сама. Ако сега показва друг адрес, отворете него.',
  'app.connection.retryNow': 'Свържи се отново',
  'app.connection.refused':
    'Сървърът на Journeyboard вече не приема тази страница (стартиран е с нов ключ). Отворете адреса, който показа сървърът.',
  'app.connection.noToken':
    'Страницата е отворена без ключ. Отворете адреса, който показа сървърът на Journeyboard (завършва на #token=…).',
  'app.connection.notConnected': 'Няма връзка със сървъра на Journeyboard, затова нищо не е изпратено.',
  'app.connection.lostInFlight': 'Връзката със сървъра на Journeyboard прекъсна, преди той да отговори.',
  'app.connection.tooLarge':
    'Заявката е {size}; сървърът на Journeyboard приема най-много {limit} наведнъж. Нищо не е изпратено.',
  'app.connection.badMapPart':
    'Картата пристигна от сървъра на Journeyboard повредена (част {part}: {problem}), затова не е отворена. Отворете я отново.',
  'app.readOnly': 'Библиотеката е само за четене: можете да разглеждате, но промените не могат да се запазят.',
  'error.generic': 'Нещо се обърка: {message}',
  'error.dismiss': 'Затвори',
  'map.back': 'Всички карти',
  'map.fileMenu': 'Файл',
  'map.loading': 'Зареждане на картата…',
  'map.stages': 'Етапи',
  'map.lanes': 'Редове',
  'map.notes': '{count, plural, one {# бележка} other {# бележки}}',
  'map.boardComing': 'Интерактивното табло се разработва; тук е показана структурата на картата.'
} as const satisfies Messages<keyof typeof en>
