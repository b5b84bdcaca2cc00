/**
 * The words of the templates in every language: names, descriptions, and the titles and guiding
 * prompts of the stages and lanes a new map starts with (a new SaaS map in Russian starts with
 * Russian stages). The structure (lane kinds, order) lives in ./index.ts, which takes its English words from here; each list here is in
 * the same order as there, which tests/unit/templates-i18n.test.ts checks. The wording follows
 * docs/glossary.md.
 */
import type { Language } from '../i18n/languages'
import type { TemplateId } from '../model'

export interface TitleAndPrompt {
  readonly title: string
  readonly prompt: string
}

export interface TemplateText {
  readonly name: string
  readonly description: string
  readonly stages: readonly TitleAndPrompt[]
  readonly lanes: readonly TitleAndPrompt[]
}

export type TemplateTexts = Readonly<Record<TemplateId, TemplateText>>

const en: TemplateTexts = {
  saas: {
    name: 'SaaS journey',
    description: 'From first hearing of the product to recommending it.',
    stages: [
      { title: 'Awareness', prompt: 'How do they first hear of us?' },
      { title: 'Consideration', prompt: 'How do they compare options?' },
      { title: 'Purchase / Sign-up', prompt: 'What makes them commit?' },
      { title: 'Onboarding', prompt: 'What is the first value moment?' },
      { title: 'Adoption', prompt: 'How does it become a habit?' },
      { title: 'Retention', prompt: 'Why do they stay?' },
      { title: 'Expansion', prompt: 'When do they buy more?' },
      { title: 'Advocacy', prompt: 'Why would they recommend us?' }
    ],
    lanes: [
      { title: 'Goals', prompt: 'What is the customer trying to achieve?' },
      { title: 'Actions', prompt: 'What do they do?' },
      { title: 'Touchpoints', prompt: 'Where do they meet us?' },
      { title: 'Thoughts', prompt: 'What are they thinking?' },
      { title: 'Emotions', prompt: '' },
      { title: 'Pain points', prompt: 'What gets in their way?' },
      { title: 'Opportunities', prompt: 'What could we do better?' },
      { title: 'KPIs', prompt: 'How do we measure this stage?' }
    ]
  },
  b2b: {
    name: 'B2B lifecycle',
    description: 'The account lifecycle from first visit to post-sale.',
    stages: [
      { title: 'First-time visitor', prompt: 'What brought them here?' },
      { title: 'Lead', prompt: 'What did they give us, and why?' },
      { title: 'Qualified lead', prompt: 'What tells us they fit?' },
      { title: 'Opportunity', prompt: 'Who decides, and on what?' },
      { title: 'Customer', prompt: 'What did they buy into?' },
      { title: 'Post-sale', prompt: 'How do we keep and grow them?' }
    ],
    lanes: [
      { title: 'Goals', prompt: 'What is the customer trying to achieve?' },
      { title: 'Actions', prompt: 'What do they do?' },
      { title: 'Touchpoints', prompt: 'Where do they meet us?' },
      { title: 'Triggers / conversion events', prompt: 'What moves them to the next stage?' },
      { title: 'Thoughts', prompt: 'What are they thinking?' },
      { title: 'Emotions', prompt: '' },
      { title: 'Pain points', prompt: 'What gets in their way?' },
      { title: 'Opportunities', prompt: 'What could we do better?' },
      { title: 'KPIs', prompt: 'How do we measure this stage?' }
    ]
  },
  blueprint: {
    name: 'Service blueprint',
    description: 'What the customer sees, and what happens behind the scenes.',
    stages: [
      { title: 'Discover', prompt: '' },
      { title: 'Request', prompt: '' },
      { title: 'Receive', prompt: '' },
      { title: 'Follow-up', prompt: '' }
    ],
    lanes: [
      { title: 'Evidence', prompt: 'What does the customer see or keep?' },
      { title: 'Customer actions', prompt: 'What does the customer do?' },
      { title: 'Frontstage', prompt: 'What do our people and systems do in view?' },
      { title: 'Backstage', prompt: 'What happens out of view?' },
      { title: 'Support processes', prompt: 'Which systems and teams make it possible?' }
    ]
  },
  blank: {
    name: 'Blank',
    description: 'Three stages and two lanes to start from.',
    stages: [
      { title: 'Stage 1', prompt: '' },
      { title: 'Stage 2', prompt: '' },
      { title: 'Stage 3', prompt: '' }
    ],
    lanes: [
      { title: 'Touchpoints', prompt: '' },
      { title: 'Emotions', prompt: '' }
    ]
  }
}

const ruLanes = {
  goals: { title: 'Цели', prompt: 'Чего клиент хочет добиться?' },
  actions: { title: 'Действия', prompt: 'Что он делает?' },
  touchpoints: { title: 'Точки контакта', prompt: 'Где он встречается с нами?' },
  thoughts: { title: 'Мысли', prompt: 'О чём он думает?' },
  emotions: { title: 'Эмоции', prompt: '' },
  pains: { title: 'Боли', prompt: 'Что ему мешает?' },
  opportunities: { title: 'Возможности', prompt: 'Что мы можем сделать лучше?' },
  kpis: { title: 'KPI', prompt: 'Как мы измеряем этот этап?' }
}

const ru: TemplateTexts = {
  saas: {
    name: 'Путь клиента SaaS',
    description: 'От первого знакомства с продуктом до рекомендаций.',
    stages: [
      { title: 'Осведомлённость', prompt: 'Как клиент впервые узнаёт о нас?' },
      { title: 'Рассмотрение', prompt: 'Как он сравнивает варианты?' },
      { title: 'Покупка / регистрация', prompt: 'Что убеждает его решиться?' },
      { title: 'Онбординг', prompt: 'Когда он впервые получает ценность?' },
      { title: 'Освоение', prompt: 'Как продукт становится привычкой?' },
      { title: 'Удержание', prompt: 'Почему клиент остаётся?' },
      { title: 'Расширение', prompt: 'Когда он покупает больше?' },
      { title: 'Рекомендации', prompt: 'Почему он порекомендует нас?' }
    ],
    lanes: [
      ruLanes.goals,
      ruLanes.actions,
      ruLanes.touchpoints,
      ruLanes.thoughts,
      ruLanes.emotions,
      ruLanes.pains,
      ruLanes.opportunities,
      ruLanes.kpis
    ]
  },
  b2b: {
    name: 'Жизненный цикл B2B',
    description: 'Жизненный цикл клиента от первого визита до работы после продажи.',
    stages: [
      { title: 'Новый посетитель', prompt: 'Что его сюда привело?' },
      { title: 'Лид', prompt: 'Что он нам оставил и зачем?' },
      { title: 'Квалифицированный лид', prompt: 'Почему он нам подходит?' },
      { title: 'Сделка', prompt: 'Кто принимает решение и на основании чего?' },
      { title: 'Клиент', prompt: 'Что именно он купил?' },
      { title: 'После продажи', prompt: 'Как удержать и развивать клиента?' }
    ],
    lanes: [
      ruLanes.goals,
      ruLanes.actions,
      ruLanes.touchpoints,
      { title: 'Триггеры / события конверсии', prompt: 'Что переводит его на следующий этап?' },
      ruLanes.thoughts,
      ruLanes.emotions,
      ruLanes.pains,
      ruLanes.opportunities,
      ruLanes.kpis
    ]
  },
  blueprint: {
    name: 'Сервис-блюпринт',
    description: 'Что видит клиент и что происходит за кулисами.',
    stages: [
      { title: 'Поиск', prompt: '' },
      { title: 'Запрос', prompt: '' },
      { title: 'Получение', prompt: '' },
      { title: 'Сопровождение', prompt: '' }
    ],
    lanes: [
      { title: 'Материальные свидетельства', prompt: 'Что клиент видит или получает на руки?' },
      { title: 'Действия клиента', prompt: 'Что делает клиент?' },
      { title: 'Фронтстейдж', prompt: 'Что наши сотрудники и системы делают у него на виду?' },
      { title: 'Бэкстейдж', prompt: 'Что происходит вне поля зрения клиента?' },
      { title: 'Поддерживающие процессы', prompt: 'Какие системы и команды делают это возможным?' }
    ]
  },
  blank: {
    name: 'Пустая карта',
    description: 'Три этапа и две дорожки для начала.',
    stages: [
      { title: 'Этап 1', prompt: '' },
      { title: 'Этап 2', prompt: '' },
      { title: 'Этап 3', prompt: '' }
    ],
    lanes: [ruLanes.touchpoints, ruLanes.emotions].map((l) => ({ title: l.title, prompt: '' }))
  }
}

const bgLanes = {
  goals: { title: 'Цели', prompt: 'Какво се опитва да постигне клиентът?' },
  actions: { title: 'Действия', prompt: 'Какво прави?' },
  touchpoints: { title: 'Точки на контакт', prompt: 'Къде се среща с нас?' },
  thoughts: { title: 'Мисли', prompt: 'Какво си мисли?' },
  emotions: { title: 'Емоции', prompt: '' },
  pains: { title: 'Болезнени точки', prompt: 'Какво му пречи?' },
  opportunities: { title: 'Възможности', prompt: 'Какво можем да направим по-добре?' },
  kpis: { title: 'KPI', prompt: 'Как измерваме този етап?' }
}

const bg: TemplateTexts = {
  saas: {
    name: 'Клиентско пътешествие в SaaS',
    description: 'От първото чуване за продукта до препоръчването му.',
    stages: [
      { title: 'Осведоменост', prompt: 'Как за пръв път чуват за нас?' },
      { title: 'Обмисляне', prompt: 'Как сравняват възможностите?' },
      { title: 'Покупка / регистрация', prompt: 'Какво ги кара да се решат?' },
      { title: 'Въвеждане', prompt: 'Кога получават първата стойност?' },
      { title: 'Усвояване', prompt: 'Как продуктът се превръща в навик?' },
      { title: 'Задържане', prompt: 'Защо остават?' },
      { title: 'Разширяване', prompt: 'Кога купуват повече?' },
      { title: 'Препоръчване', prompt: 'Защо биха ни препоръчали?' }
    ],
    lanes: [
      bgLanes.goals,
      bgLanes.actions,
      bgLanes.touchpoints,
      bgLanes.thoughts,
      bgLanes.emotions,
      bgLanes.pains,
      bgLanes.opportunities,
      bgLanes.kpis
    ]
  },
  b2b: {
    name: 'Жизнен цикъл B2B',
    description: 'Жизненият цикъл на клиента от първото посещение до след продажбата.',
    stages: [
      { title: 'Нов посетител', prompt: 'Какво го е довело тук?' },
      { title: 'Потенциален клиент', prompt: 'Какво ни е дал и защо?' },
      { title: 'Квалифициран лийд', prompt: 'Какво показва, че ни пасва?' },
      { title: 'Възможност за продажба', prompt: 'Кой решава и въз основа на какво?' },
      { title: 'Клиент', prompt: 'В какво е повярвал с покупката?' },
      { title: 'След продажбата', prompt: 'Как да го задържим и развием?' }
    ],
    lanes: [
      bgLanes.goals,
      bgLanes.actions,
      bgLanes.touchpoints,
      { title: 'Тригери / събития на конверсия', prompt: 'Какво го придвижва към следващия етап?' },
      bgLanes.thoughts,
      bgLanes.emotions,
      bgLanes.pains,
      bgLanes.opportunities,
      bgLanes.kpis
    ]
  },
  blueprint: {
    name: 'Блупринт на услугата',
    description: 'Какво вижда клиентът и какво се случва зад кулисите.',
    stages: [
      { title: 'Откриване', prompt: '' },
      { title: 'Заявка', prompt: '' },
      { title: 'Получаване', prompt: '' },
      { title: 'Последващи действия', prompt: '' }
    ],
    lanes: [
      { title: 'Материални доказателства', prompt: 'Какво вижда или запазва клиентът?' },
      { title: 'Действия на клиента', prompt: 'Какво прави клиентът?' },
      { title: 'Пред клиента', prompt: 'Какво правят нашите хора и системи пред очите му?' },
      { title: 'Зад кулисите', prompt: 'Какво се случва извън погледа му?' },
      { title: 'Поддържащи процеси', prompt: 'Кои системи и екипи правят това възможно?' }
    ]
  },
  blank: {
    name: 'Празна карта',
    description: 'Три етапа и два реда за начало.',
    stages: [
      { title: 'Етап 1', prompt: '' },
      { title: 'Етап 2', prompt: '' },
      { title: 'Етап 3', prompt: '' }
    ],
    lanes: [bgLanes.touchpoints, bgLanes.emotions].map((l) => ({ title: l.title, prompt: '' }))
  }
}

const thLanes = {
  goals: { title: 'เป้าหมาย', prompt: 'ลูกค้าพยายามทำอะไรให้สำเร็จ' },
  actions: { title: 'การกระทำ', prompt: 'เขาทำอะไรบ้าง' },
  touchpoints: { title: 'จุดสัมผัส', prompt: 'เขาพบกับเราที่ไหน' },
  thoughts: { title: 'ความคิด', prompt: 'เขากำลังคิดอะไรอยู่' },
  emotions: { title: 'อารมณ์', prompt: '' },
  pains: { title: 'จุดปัญหา', prompt: 'อะไรที่ขัดขวางเขา' },
  opportunities: { title: 'โอกาส', prompt: 'เราจะทำอะไรให้ดีขึ้นได้บ้าง' },
  kpis: { title: 'KPI', prompt: 'เราวัดผลระยะนี้อย่างไร' }
}

const th: TemplateTexts = {
  saas: {
    name: 'เส้นทางลูกค้า SaaS',
    description: 'ตั้งแต่ได้ยินเกี่ยวกับผลิตภัณฑ์ครั้งแรกจนถึงการบอกต่อ',
    stages: [
      { title: 'การรับรู้', prompt: 'เขาได้ยินเกี่ยวกับเราครั้งแรกอย่างไร' },
      { title: 'การพิจารณา', prompt: 'เขาเปรียบเทียบตัวเลือกอย่างไร' },
      { title: 'การซื้อ / สมัครใช้งาน', prompt: 'อะไรทำให้เขาตัดสินใจ' },
      { title: 'การเริ่มต้นใช้งาน', prompt: 'เขาได้รับคุณค่าครั้งแรกเมื่อใด' },
      { title: 'การนำไปใช้', prompt: 'การใช้งานกลายเป็นนิสัยได้อย่างไร' },
      { title: 'การรักษาลูกค้า', prompt: 'ทำไมเขาจึงอยู่ต่อ' },
      { title: 'การขยายการใช้งาน', prompt: 'เขาซื้อเพิ่มเมื่อใด' },
      { title: 'การบอกต่อ', prompt: 'ทำไมเขาจะแนะนำเรา' }
    ],
    lanes: [
      thLanes.goals,
      thLanes.actions,
      thLanes.touchpoints,
      thLanes.thoughts,
      thLanes.emotions,
      thLanes.pains,
      thLanes.opportunities,
      thLanes.kpis
    ]
  },
  b2b: {
    name: 'วงจรชีวิตลูกค้า B2B',
    description: 'วงจรชีวิตของลูกค้าองค์กรตั้งแต่การเยี่ยมชมครั้งแรกจนถึงหลังการขาย',
    stages: [
      { title: 'ผู้เยี่ยมชมครั้งแรก', prompt: 'อะไรพาเขามาที่นี่' },
      { title: 'ลีด', prompt: 'เขาให้ข้อมูลอะไรกับเรา และทำไม' },
      { title: 'ลีดที่ผ่านการคัดกรอง', prompt: 'อะไรบอกว่าเขาเหมาะกับเรา' },
      { title: 'โอกาสการขาย', prompt: 'ใครเป็นผู้ตัดสินใจ และตัดสินใจจากอะไร' },
      { title: 'ลูกค้า', prompt: 'เขาซื้ออะไรจากเรา' },
      { title: 'หลังการขาย', prompt: 'เราจะรักษาและเติบโตไปกับเขาอย่างไร' }
    ],
    lanes: [
      thLanes.goals,
      thLanes.actions,
      thLanes.touchpoints,
      { title: 'ตัวกระตุ้น / เหตุการณ์การแปลง', prompt: 'อะไรพาเขาไปสู่ระยะถัดไป' },
      thLanes.thoughts,
      thLanes.emotions,
      thLanes.pains,
      thLanes.opportunities,
      thLanes.kpis
    ]
  },
  blueprint: {
    name: 'พิมพ์เขียวบริการ',
    description: 'สิ่งที่ลูกค้าเห็น และสิ่งที่เกิดขึ้นเบื้องหลัง',
    stages: [
      { title: 'ค้นพบ', prompt: '' },
      { title: 'ร้องขอ', prompt: '' },
      { title: 'ได้รับบริการ', prompt: '' },
      { title: 'ติดตามผล', prompt: '' }
    ],
    lanes: [
      { title: 'หลักฐานทางกายภาพ', prompt: 'ลูกค้าเห็นหรือได้รับอะไร' },
      { title: 'การกระทำของลูกค้า', prompt: 'ลูกค้าทำอะไร' },
      { title: 'หน้าฉาก', prompt: 'พนักงานและระบบของเราทำอะไรต่อหน้าลูกค้า' },
      { title: 'เบื้องหลัง', prompt: 'อะไรเกิดขึ้นนอกสายตาลูกค้า' },
      { title: 'กระบวนการสนับสนุน', prompt: 'ระบบและทีมใดที่ทำให้สิ่งนี้เกิดขึ้นได้' }
    ]
  },
  blank: {
    name: 'แผนที่ว่าง',
    description: 'เริ่มจากสามระยะและสองแถว',
    stages: [
      { title: 'ระยะ 1', prompt: '' },
      { title: 'ระยะ 2', prompt: '' },
      { title: 'ระยะ 3', prompt: '' }
    ],
    lanes: [thLanes.touchpoints, thLanes.emotions].map((l) => ({ title: l.title, prompt: '' }))
  }
}

const zhLanes = {
  goals: { title: '目标', prompt: '客户想要达成什么？' },
  actions: { title: '行为', prompt: '他们做了什么？' },
  touchpoints: { title: '接触点', prompt: '他们在哪里与我们接触？' },
  thoughts: { title: '想法', prompt: '他们在想什么？' },
  emotions: { title: '情绪', prompt: '' },
  pains: { title: '痛点', prompt: '是什么阻碍了他们？' },
  opportunities: { title: '机会点', prompt: '我们可以在哪些方面做得更好？' },
  kpis: { title: 'KPI', prompt: '我们如何衡量这个阶段？' }
}

const zh: TemplateTexts = {
  saas: {
    name: 'SaaS 客户旅程',
    description: '从初次了解产品到主动推荐。',
    stages: [
      { title: '认知', prompt: '他们最初是如何知道我们的？' },
      { title: '考虑', prompt: '他们如何比较各种选择？' },
      { title: '购买 / 注册', prompt: '是什么让他们下定决心？' },
      { title: '入职引导', prompt: '他们第一次获得价值是在什么时候？' },
      { title: '采用', prompt: '产品如何成为他们的习惯？' },
      { title: '留存', prompt: '他们为什么留下来？' },
      { title: '扩展', prompt: '他们什么时候会购买更多？' },
      { title: '推荐', prompt: '他们为什么会推荐我们？' }
    ],
    lanes: [
      zhLanes.goals,
      zhLanes.actions,
      zhLanes.touchpoints,
      zhLanes.thoughts,
      zhLanes.emotions,
      zhLanes.pains,
      zhLanes.opportunities,
      zhLanes.kpis
    ]
  },
  b2b: {
    name: 'B2B 客户生命周期',
    description: '客户从首次访问到售后的生命周期。',
    stages: [
      { title: '首次访客', prompt: '是什么把他们带到这里？' },
      { title: '潜在客户', prompt: '他们给了我们什么信息？为什么？' },
      { title: '合格潜在客户', prompt: '什么表明他们与我们匹配？' },
      { title: '商机', prompt: '谁来决策？依据是什么？' },
      { title: '客户', prompt: '他们买的是什么？' },
      { title: '售后', prompt: '我们如何留住他们并共同成长？' }
    ],
    lanes: [
      zhLanes.goals,
      zhLanes.actions,
      zhLanes.touchpoints,
      { title: '触发事件 / 转化事件', prompt: '是什么推动他们进入下一阶段？' },
      zhLanes.thoughts,
      zhLanes.emotions,
      zhLanes.pains,
      zhLanes.opportunities,
      zhLanes.kpis
    ]
  },
  blueprint: {
    name: '服务蓝图',
    description: '客户看到的，以及幕后发生的。',
    stages: [
      { title: '发现', prompt: '' },
      { title: '请求', prompt: '' },
      { title: '获得服务', prompt: '' },
      { title: '跟进', prompt: '' }
    ],
    lanes: [
      { title: '有形展示', prompt: '客户看到或留下了什么？' },
      { title: '客户行为', prompt: '客户做了什么？' },
      { title: '前台', prompt: '我们的员工和系统在客户面前做了什么？' },
      { title: '后台', prompt: '客户看不到的地方发生了什么？' },
      { title: '支持流程', prompt: '哪些系统和团队让这一切成为可能？' }
    ]
  },
  blank: {
    name: '空白',
    description: '从三个阶段和两条泳道开始。',
    stages: [
      { title: '阶段 1', prompt: '' },
      { title: '阶段 2', prompt: '' },
      { title: '阶段 3', prompt: '' }
    ],
    lanes: [zhLanes.touchpoints, zhLanes.emotions].map((l) => ({ title: l.title, prompt: '' }))
  }
}

export const TEMPLATE_TEXTS: Readonly<Record<Language, TemplateTexts>> = { en, ru, bg, th, zh }
