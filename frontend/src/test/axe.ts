import axe from 'axe-core'

/**
 * WCAG 2.1 A/AA violations axe-core finds in the rendered document, as "rule: targets". Colour contrast needs a
 * real layout engine and is left to the browser flows; everything else (names, labels, roles, ARIA) is checked here.
 */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false }, 'document-title': { enabled: false } },
  })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}
