import type { Messages } from '../../../../shared/i18n/format'
import type { app as en } from '../en/app'

export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': 'Карты пути клиента для воркшопов — без интернета, без потери данных.',
  'app.connecting': 'Открываем библиотеку…',
  'app.connectionLost': 'Связь с сервером Journeyboard потеряна. Переподключаемся…',
  'app.connection.unreachable':
    'Сервер Journeyboard недоступен. Если его остановили, запустите его снова той же командой: страница переподключится сама. Если теперь он выводит другой адрес, откройте этот адрес.',
  'app.connection.retryNow': 'Переподключиться',
  'app.connection.refused':
    'Сервер Journeyboard больше не принимает эту страницу (он запущен с новым ключом). Откройте адрес, который вывел сервер Journeyboard.',
  'app.connection.noToken':
    'Страница открыта без ключа. Откройте адрес, который вывел сервер Journeyboard (он заканчивается на #token=…).',
  'app.connection.notConnected': 'Нет связи с сервером Journeyboard, поэтому ничего не отправлено.',
  'app.connection.lostInFlight': 'Связь с сервером Journeyboard прервалась до его ответа.',
  'app.connection.tooLarge':
    'Размер запроса — {size}; сервер Journeyboard принимает не более {limit} за раз. Ничего не отправлено.',
  'app.connection.badMapPart':
    'Карта пришла с сервера Journeyboard повреждённой (часть {part}: {problem}), поэтому она не открыта. Откройте её ещё раз.',
  'app.readOnly': 'Библиотека открыта только для чтения: смотреть можно, но изменения не сохранятся.',
  'error.generic': 'Что-то пошло не так: {message}',
  'error.dismiss': 'Закрыть',
  'map.back': 'Все карты',
  'map.fileMenu': 'Файл',
  'map.loading': 'Загружаем карту…',
  'map.stages': 'Этапы',
  'map.lanes': 'Дорожки',
  'map.notes': '{count, plural, one {# стикер} few {# стикера} many {# стикеров} other {# стикера}}',
  'map.boardComing': 'Интерактивная доска в разработке; здесь показана структура карты.'
} as const satisfies Messages<keyof typeof en>
