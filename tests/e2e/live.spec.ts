/**
 * The room joins in: a facilitator and three participants (one on a phone, with touch) in real
 * Chromium, through the UI. Everything goes over loopback: the participants' server is told to
 * listen on 127.0.0.1 (--lan-host), never on the machine's network.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import type { JourneyMap } from '../../src/shared/model'
import { ApiSocket } from './support/board-page'
import { chooseFromFileMenu, expectHeaderOnOneRow } from './support/fixtures'
import { EditingBoard } from './support/editing-page'
import { shown } from './support/text'
import { startHost, type RunningHost } from './support/web-host'
import { Presenting, TimerWidget } from './support/workshop-page'

const TITLE = 'Hotel workshop'
const LAN = ['--lan-host', '127.0.0.1', '--lan-port', '0']

async function seed(host: RunningHost): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await api.call('createMap', { template: 'saas', title: TITLE })
  } finally {
    api.close()
  }
}

async function mapOf(host: RunningHost, id: string): Promise<JourneyMap> {
  const api = await ApiSocket.connect(host)
  try {
    return await api.call('getMap', { id })
  } finally {
    api.close()
  }
}

/** The facilitator's Invite participants dialog. */
class InviteDialog {
  constructor(readonly page: Page) {}
  dialog = () => this.page.getByRole('dialog', { name: 'Invite participants' })
  link = () => this.dialog().getByRole('status', { name: 'Join link' })
  people = () => this.dialog().locator('.live-people li')
  person = (name: string) => this.people().filter({ hasText: name })

  async open(): Promise<void> {
    await chooseFromFileMenu(this.page, 'Invite participants…')
    await expect(this.dialog()).toBeVisible()
  }

  async start(): Promise<string> {
    await this.dialog().getByRole('button', { name: 'Start inviting' }).click()
    await expect(this.link()).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Z2-9]{6}$/)
    return (await this.link().textContent()) ?? ''
  }

  /** A participant's colour as the dialog shows it, as #rrggbb. */
  async statusColour(name: string): Promise<string | null> {
    await this.open()
    const rgb = await this.person(name)
      .locator('i')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    await this.close()
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number)
    return `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click()
  }
}

/** One participant's page. */
class ParticipantPage {
  constructor(
    readonly page: Page,
    readonly touch = false
  ) {}
  lane = (title: string) => this.page.getByRole('region', { name: title })
  note = (text: string) => this.page.locator('.p-note').filter({ hasText: text })
  waiting = () => this.page.getByText(/Waiting for the facilitator.s laptop/)

  async press(locator: ReturnType<Page['locator']>): Promise<void> {
    if (this.touch) await locator.tap()
    else await locator.click()
  }

  async join(link: string, name: string): Promise<void> {
    await this.page.goto(link)
    await this.page.getByLabel('Your name').fill(name)
    await this.press(this.page.getByRole('button', { name: 'Join' }))
    await expect(this.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  }

  async addNote(lane: string, text: string): Promise<void> {
    await this.lane(lane).getByRole('textbox').fill(text)
    await this.press(this.lane(lane).getByRole('button', { name: 'Add note' }))
    await expect(this.note(text)).toBeVisible()
  }
}

async function participant(browser: Browser, phone = false): Promise<{ context: BrowserContext; p: ParticipantPage }> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true }
      : { viewport: { width: 1024, height: 700 } }
  )
  return { context, p: new ParticipantPage(await context.newPage(), phone) }
}

test.describe('live workshop', () => {
  test('participants join by the link, add notes where allowed, vote, follow, are removed, and the end kills the link', async ({
    browser
  }) => {
    test.setTimeout(180_000)
    const host = await startHost(LAN)
    const contexts: BrowserContext[] = []
    try {
      const map = await seed(host)
      const facilitator = await browser.newContext({ viewport: { width: 1280, height: 800 } })
      contexts.push(facilitator)
      const page = await facilitator.newPage()
      await page.goto(host.url)
      await page.getByRole('button', { name: TITLE, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()

      const invite = new InviteDialog(page)
      await invite.open()
      const link = await invite.start()
      await expect(invite.dialog().getByRole('img', { name: 'QR code of the join link' })).toBeVisible()
      await expect(invite.dialog().getByLabel('Join code')).toHaveText(link.slice(-6))
      // Only the Pain points lane is open.
      await invite.dialog().getByLabel('Only in the lanes and stages opened below').check()
      await invite.dialog().getByRole('group', { name: 'Open lanes' }).getByLabel('Pain points').check()

      const ana = await participant(browser, true)
      const ben = await participant(browser)
      const cara = await participant(browser)
      contexts.push(ana.context, ben.context, cara.context)
      await ana.p.join(link, 'Ana')
      await ben.p.join(link, 'Ben')
      await cara.p.join(link, 'Cara')
      await expect(invite.people()).toHaveCount(3)
      await expect(invite.person('Ana')).toContainText('connected')
      await expect(page.getByRole('status', { name: /Participants here now/ })).toContainText('3 here')
      // The header keeps one row with the presence in it at 1280 px.
      await expectHeaderOnOneRow(page)

      // A closed lane offers nothing to add (and is not shown while it holds no notes); the open one does.
      await expect(ana.p.lane('Goals')).toHaveCount(0)
      await expect(ana.p.lane('Pain points').getByRole('textbox')).toHaveCount(1)
      await ana.p.addNote('Pain points', 'Check-in queue is too long')
      await ben.p.addNote('Pain points', 'Wi-Fi password hard to find')
      await cara.p.addNote('Pain points', 'No vegan breakfast')

      // Everyone sees everyone's notes with their authors; the facilitator's board has them.
      await expect(ben.p.note('Check-in queue is too long')).toContainText(shown('by Ana'))
      await expect(ben.p.note('Check-in queue is too long').getByRole('button', { name: 'Edit' })).toHaveCount(0)
      await expect(ana.p.note('Check-in queue is too long')).toContainText('yours')
      await expect(invite.person('Ana')).toContainText('1 note')
      await expect
        .poll(async () => (await mapOf(host, map.id)).notes.map((n) => n.text).sort())
        .toEqual(['Check-in queue is too long', 'No vegan breakfast', 'Wi-Fi password hard to find'])
      await page.screenshot({ path: 'docs/live-invite-dialog.png' })
      await invite.close()
      const anaNote = (await mapOf(host, map.id)).notes.find((n) => n.text === 'Check-in queue is too long')!
      const box = await new EditingBoard(page).boxOf(`#note-${anaNote.id}`)
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      await expect(page.getByText(shown('Added by Ana'))).toBeVisible()
      // On the board, each participant's note carries its author's name tag (bottom-left; open
      // comments take the bottom-right corner).
      const editing = new EditingBoard(page)
      const node = (await editing.node(`#note-${anaNote.id}`))!
      const anaColour = (await invite.statusColour('Ana')) ?? ''
      await expect.poll(() => editing.pixelOnNotesLayer(node.x + 7, node.y + node.height)).toBe(anaColour)
      await page.screenshot({ path: 'docs/live-board-authors.png' })

      // Ana edits her own note from the phone.
      await ana.p.press(ana.p.note('Check-in queue is too long').getByRole('button', { name: 'Edit' }))
      await ana.p.note('Check-in queue is too long').getByRole('textbox').fill('Check-in queue is far too long')
      await ana.p.press(ana.p.page.getByRole('button', { name: 'Save' }))
      await expect(ben.p.note('Check-in queue is far too long')).toBeVisible()

      // A hidden vote: two dots each, one per note; nobody sees totals until the reveal.
      await invite.open()
      const vote = invite.dialog().getByRole('region', { name: 'Dot voting' })
      await vote.getByLabel('Dots per person').fill('2')
      await vote.getByRole('button', { name: 'Start a vote' }).click()
      await expect(ana.p.page.getByText('2 of 2 dots left')).toBeVisible()
      await ana.p.press(ana.p.note('No vegan breakfast').getByRole('button', { name: 'Add a dot' }))
      await expect(ana.p.page.getByText('1 of 2 dots left')).toBeVisible()
      await ana.p.page.evaluate(() => window.scrollTo(0, 0))
      await ana.p.page.screenshot({ path: 'docs/live-participant-phone.png' })
      await ana.p.press(ana.p.note('Wi-Fi password').getByRole('button', { name: 'Add a dot' }))
      await expect(ana.p.page.getByText('0 of 2 dots left')).toBeVisible()
      await ben.p.press(ben.p.note('No vegan breakfast').getByRole('button', { name: 'Add a dot' }))
      await expect(ben.p.note('No vegan breakfast').getByRole('button', { name: 'Add a dot' })).toBeDisabled()
      await expect(vote.getByText('3 dots cast')).toBeVisible()
      await expect(ben.p.page.getByText('Results')).toHaveCount(0)
      await vote.getByRole('button', { name: 'Reveal the dots' }).click()
      await expect(vote.getByRole('listitem').first()).toContainText(shown('2 dots — No vegan breakfast'))
      const results = cara.p.page.getByRole('region', { name: 'Results' })
      await expect(results.getByRole('listitem').first()).toContainText(shown('2 dots — No vegan breakfast'))
      await expect
        .poll(async () => (await mapOf(host, map.id)).notes.find((n) => n.text === 'No vegan breakfast')?.votes)
        .toBe(2)
      await invite.close()

      // Timer and presentation, followed on the participants' pages.
      const timer = new TimerWidget(page)
      await timer.open()
      await timer.button('Start').click()
      await expect(ana.p.page.getByRole('timer')).toContainText(/Time left [\u2066-\u2069]*\d+:\d\d/)
      await new Presenting(page).start()
      await expect(ben.p.page.getByText(shown('On screen: Awareness'))).toBeVisible()
      await page.keyboard.press('ArrowRight')
      await expect(ben.p.page.getByText(shown('On screen: Consideration'))).toBeVisible()
      await expect(ben.p.page.getByRole('button', { name: 'Consideration', pressed: true })).toBeVisible()
      await page.keyboard.press('Escape')

      // Remove Cara; then end the session: every link stops working.
      await invite.open()
      await invite
        .dialog()
        .getByRole('button', { name: shown('Remove Cara') })
        .click()
      await expect(cara.p.page.getByText('The facilitator removed you from this session.')).toBeVisible()
      await expect(invite.people()).toHaveCount(2)
      page.once('dialog', (d) => void d.accept())
      await invite.dialog().getByRole('button', { name: 'End session' }).click()
      await expect(ana.p.page.getByText(/The facilitator ended the session/)).toBeVisible()
      await expect(ben.p.page.getByText(/The facilitator ended the session/)).toBeVisible()
      await expect(invite.dialog().getByRole('button', { name: 'Start inviting' })).toBeVisible()
      const fresh = await browser.newContext()
      contexts.push(fresh)
      await expect((await fresh.newPage()).goto(link)).rejects.toThrow()
    } finally {
      for (const c of contexts) await c.close()
      await host.stop()
    }
  })
})

test('kill -9 of the host mid-session: after Resume the same link works, participants come back by themselves, nothing acknowledged is lost', async ({
  browser
}) => {
  test.setTimeout(180_000)
  const first = await startHost(LAN)
  let second: RunningHost | null = null
  const contexts: BrowserContext[] = []
  try {
    const map = await seed(first)
    const facilitator = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    contexts.push(facilitator)
    const page = await facilitator.newPage()
    await page.goto(first.url)
    await page.getByRole('button', { name: TITLE, exact: true }).click()
    const invite = new InviteDialog(page)
    await invite.open()
    const link = await invite.start()
    await invite.close()

    const ana = await participant(browser, true)
    contexts.push(ana.context)
    await ana.p.join(link, 'Ana')
    await ana.p.addNote('Pain points', 'Before the crash')
    await expect.poll(async () => (await mapOf(first, map.id)).notes.map((n) => n.text)).toEqual(['Before the crash'])

    await first.kill('SIGKILL')
    await expect(ana.p.waiting()).toBeVisible()
    // Typed while the laptop is away: kept on the phone, and said so.
    await ana.p.addNote('Pain points', 'During the outage')
    await expect(ana.p.page.getByText('1 not sent yet')).toBeVisible()

    second = await startHost(['--port', String(first.port), ...LAN], first.dbPath)
    // The session is not restarted by itself: the link is dead until the facilitator resumes.
    await expect(ana.p.waiting()).toBeVisible()
    await invite.open()
    await expect(invite.dialog()).toContainText('was interrupted')
    await invite.dialog().getByRole('button', { name: 'Resume' }).click()
    await expect(invite.link()).toHaveText(link)
    await expect(invite.person('Ana')).toContainText('connected')
    await expect(ana.p.waiting()).toHaveCount(0)
    const host = second
    await expect
      .poll(async () => (await mapOf(host, map.id)).notes.map((n) => n.text).sort())
      .toEqual(['Before the crash', 'During the outage'])
    // Reloading the page: the same person, with her notes.
    await ana.p.page.reload()
    await expect(ana.p.note('During the outage')).toContainText('yours')
    await expect(invite.people()).toHaveCount(1)
  } finally {
    for (const c of contexts) await c.close()
    await second?.stop()
    await first.stop()
  }
})

test('npm run web -- --lan prints where participants join, and the page there is the participant page', async ({
  page
}) => {
  const seeded = await startHost()
  await seed(seeded)
  await seeded.kill('SIGINT')
  const host = await startHost(['--lan', ...LAN], seeded.dbPath)
  try {
    await expect.poll(() => host.stdout()).toMatch(/^Participants join at http:\/\/127\.0\.0\.1:\d+\/j\/[A-Z2-9]{6}$/m)
    const lines = host.stdout().trim().split('\n')
    expect(lines).toHaveLength(2)
    const link = /Participants join at (\S+)/.exec(host.stdout())![1]!
    await page.setViewportSize({ width: 360, height: 640 })
    const p = new ParticipantPage(page)
    await p.join(link, 'Dana')
    // The bare address asks for the short code instead — here on a phone set to Russian, whose
    // page speaks the phone's language (navigator.languages).
    const origin = new URL(link).origin
    const other = await page
      .context()
      .browser()!
      .newContext({ viewport: { width: 360, height: 640 }, locale: 'ru-RU' })
    const typed = await other.newPage()
    await typed.goto(`${origin}/`)
    await expect(typed.getByRole('button', { name: 'Присоединиться' })).toBeVisible()
    await expect(typed).toHaveTitle('Journeyboard — Присоединиться к воркшопу')
    await typed.getByLabel('Код для входа').fill(link.slice(-6).toLowerCase())
    await typed.getByLabel('Ваше имя').fill('Eli')
    await typed.getByRole('button', { name: 'Присоединиться' }).click()
    await expect(typed.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await expect(typed.getByText(shown('Вы: Eli'))).toBeVisible()
    await typed.screenshot({ path: 'docs/live-participant-ru.png' })
    await expect(typed).toHaveURL(link)
    await other.close()
    // The facilitator's token is nowhere a participant can see it.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage, ...sessionStorage }) + document.documentElement.outerHTML
    )
    expect(stored).not.toContain(host.token)
    expect(await (await page.request.get(link)).text()).not.toContain(host.token)
    // The participants' address serves neither the facilitator's app nor its API.
    expect((await page.request.get(`${origin}/index.html`)).status()).toBe(404)
    expect((await page.request.get(`${origin}/api`)).status()).toBe(404)
  } finally {
    await host.stop()
    await seeded.stop()
  }
})
