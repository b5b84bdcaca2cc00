/**
 * User text inside the app's own sentences keeps to itself: a persona whose name carries a
 * right-to-left override (U+202E) is shown reversed, as its author asked, but the Analysis
 * sentence around it still reads left to right. Checked on the rendered text's own geometry:
 * each word of the sentence must come after the one before it in reading order.
 */
import { ApiSocket, BoardPage, DEMO_PERSONAS, seedMap } from './support/board-page'
import { expect, test } from './support/fixtures'
import { AnalysisPanel } from './support/workshop-page'

const RLO = '\u202e'
const persona = { ...DEMO_PERSONAS[0]!, name: `${RLO}Maya, ops lead` }
const TITLE = 'Trial with an overridden name'

/** Where each word of `words` is drawn inside the element, in the order they are written. */
function wordBoxes(element: Element, words: readonly string[]): { word: string; x: number; y: number }[] {
  const node = element.firstChild!
  const text = node.textContent ?? ''
  let from = 0
  return words.map((word) => {
    const at = text.indexOf(word, from)
    if (at < 0) throw new Error(`"${word}" is not in "${text}"`)
    from = at + word.length
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + word.length)
    const box = range.getBoundingClientRect()
    return { word, x: box.left, y: box.top + box.height / 2 }
  })
}

test('a right-to-left override in a persona name does not reverse the analysis sentence around it', async ({
  host,
  home,
  page
}) => {
  void home
  const api = await ApiSocket.connect(host)
  try {
    // Two pain points at Purchase / Sign-up, where the persona's curve bottoms out: a hotspot.
    await seedMap(api, {
      title: TITLE,
      personas: [persona],
      notes: [[2, 5, ['Card required for the trial', 'Bank card rejected']]],
      curves: { maya: [1, 0, -2, 0, 1, 1, 1, 1] }
    })
  } finally {
    api.close()
  }
  await new BoardPage(page).open(TITLE)
  const analysis = new AnalysisPanel(page)
  await analysis.open()
  const text = analysis.section('Hotspots').locator('.finding-text')
  await expect(text).toHaveCount(1)
  await expect(text).toContainText('pain clusters at')

  const words = ['pain', 'clusters', 'at', 'Purchase', 'weight', 'where', 'the', 'emotion', 'is']
  const boxes = await text.evaluate(wordBoxes, words)
  const lineHeight = await text.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || 16)
  for (let i = 1; i < boxes.length; i++) {
    const [before, after] = [boxes[i - 1]!, boxes[i]!]
    const nextLine = after.y > before.y + lineHeight / 2
    const sameLine = Math.abs(after.y - before.y) < lineHeight / 2
    expect(nextLine || (sameLine && after.x > before.x), `"${after.word}" reads after "${before.word}"`).toBe(true)
  }
  // The name itself is shown as its author wrote it: reversed by its own override.
  const [maya, lead] = await text.evaluate(wordBoxes, ['Maya', 'lead'])
  expect(maya!.x).toBeGreaterThan(lead!.x)
  await text.screenshot({ path: test.info().outputPath('hotspot-sentence.png') })
})
