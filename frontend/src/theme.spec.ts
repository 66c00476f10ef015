import { describe, expect, it } from 'vitest'
import { render } from '@testing-library/vue'
import PrimeVue from 'primevue/config'
import Button from 'primevue/button'
import { primeVueOptions } from './theme'

function themeCss(): string {
  return [...document.head.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n')
}

describe('theme', () => {
  it('gives outlined secondary buttons (the inactive language) dark text and a visible border', () => {
    render(Button, { props: { label: 'EN', severity: 'secondary', outlined: true }, global: { plugins: [[PrimeVue, primeVueOptions]] } })

    const css = themeCss()
    expect(css).toContain('--p-button-outlined-secondary-color:var(--p-surface-800)')
    expect(css).toContain('--p-button-outlined-secondary-border-color:var(--p-surface-500)')
    expect(css).toContain('--p-form-field-border-color:var(--p-surface-500)')
    expect(css).toContain('--p-primary-color:var(--p-primary-700)')
  })
})
