import type { Messages } from '../../../../shared/i18n/format'
import type { app as en } from '../en/app'

export const app = {
  'app.name': 'Journeyboard',
  'app.tagline': '面向工作坊的客户旅程图——离线可用，数据不丢失。',
  'app.connecting': '正在打开资料库…',
  'app.connectionLost': '与 Journeyboard 主机的连接已断开，正在重新连接…',
  'app.connection.unreachable':
    '无法连接 Journeyboard 主机。如果主机已停止，请用同一条命令重新启动，本页面会自动重新连接。如果主机现在显示了新的地址，请打开新地址。',
  'app.connection.retryNow': '立即重新连接',
  'app.connection.refused': 'Journeyboard 主机已不再接受此页面（主机使用了新的密钥启动）。请打开主机显示的地址。',
  'app.connection.noToken': '此页面打开时缺少密钥。请打开 Journeyboard 主机显示的地址（以 #token=… 结尾）。',
  'app.connection.notConnected': '未连接到 Journeyboard 主机，因此没有发送任何内容。',
  'app.connection.lostInFlight': '在 Journeyboard 主机回复之前连接已断开。',
  'app.connection.tooLarge': '此请求大小为 {size}，Journeyboard 主机一次最多接受 {limit}。没有发送任何内容。',
  'app.connection.badMapPart':
    '从 Journeyboard 主机收到的地图已损坏（第 {part} 部分：{problem}），因此未打开。请重新打开。',
  'app.readOnly': '此资料库为只读：可以查看，但无法保存修改。',
  'error.generic': '出现问题：{message}',
  'error.dismiss': '关闭',
  'map.back': '全部旅程图',
  'map.fileMenu': '文件',
  'map.loading': '正在加载旅程图…',
  'map.stages': '阶段',
  'map.lanes': '泳道',
  'map.notes': '{count} 张便签',
  'map.boardComing': '交互式白板正在开发中；此视图列出旅程图的结构。'
} as const satisfies Messages<keyof typeof en>
