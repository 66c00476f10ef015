import { apiFetch } from './http'
import { withQuery } from './page'

export type PeriodUnit = 'HOURS' | 'DAYS' | 'MONTHS' | 'YEARS'
export type Counting = 'CALENDAR_MONTHS' | 'WHOLE_DAYS' | 'ELAPSED_HOURS'
export type TriggerKind =
  | 'FIRST_PUBLICATION'
  | 'PUBLICATION'
  | 'KNOWLEDGE_OF_FACTS'
  | 'AWARENESS_OF_BREACH'
  | 'EMPLOYER_KNOWLEDGE'
  | 'RECEIPT_OF_REQUEST'

/** A deadline rule in its current version (DESIGN §4). */
export interface LegalRule {
  id: string
  version: number
  nameFr: string
  nameEn: string
  basis: string
  textVersion: string
  trigger: TriggerKind
  amount: number
  unit: PeriodUnit
  counting: Counting
  /** "50%" or an ISO-8601 duration before the end ("P14D", "PT6H") */
  reminders: string[]
  /** ISO instant */
  editedAt: string
}

/** The calculator's answer: a contract integrators script against. */
export interface DeadlinePreview {
  rule: string
  /** YYYY-MM-DD, Europe/Paris */
  lastDay: string
  /** ISO instant (UTC) */
  endsAt: string
  nonWorkingLastDay: boolean
  basis: string
}

export function listLegalRules(): Promise<LegalRule[]> {
  return apiFetch<LegalRule[]>('/api/v1/legal/rules')
}

/** `trigger` is an ISO-8601 local date or date-time in Europe/Paris. */
export function previewDeadline(rule: string, trigger: string): Promise<DeadlinePreview> {
  return apiFetch<DeadlinePreview>(withQuery('/api/v1/legal/deadline-preview', { rule, trigger }))
}

/** The rule's name in the user's language. */
export function ruleName(rule: Pick<LegalRule, 'nameFr' | 'nameEn'>, locale: string): string {
  return locale === 'fr' ? rule.nameFr : rule.nameEn
}
