import { enumValues } from './enums'
import { apiFetch, apiSend } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type MessageKind = Schemas['MessageKind']
export type MessageState = Schemas['MessageState']
export type Channel = Schemas['Channel']
export type Audience = Schemas['Audience']
export type MessageLanguage = 'fr' | 'en'

export const MESSAGE_KINDS = enumValues<MessageKind>({
  PRESS_RELEASE: 1,
  SOCIAL_POST: 1,
  SERVICE_SCRIPT: 1,
  FAQ_ENTRY: 1,
  HOLDING_STATEMENT: 1,
  CLIENT_EMAIL: 1,
  INTERNAL_MEMO: 1,
})
export const MESSAGE_STATES = enumValues<MessageState>({
  DRAFT: 1,
  IN_REVIEW: 1,
  APPROVED: 1,
  CHANGES_REQUESTED: 1,
  PUBLISHED: 1,
  WITHDRAWN: 1,
})
export const CHANNELS = enumValues<Channel>({ PRESS: 1, WEBSITE: 1, SOCIAL: 1, EMAIL: 1, PHONE: 1, INTERNAL: 1 })
export const AUDIENCES = enumValues<Audience>({
  CUSTOMERS: 1,
  EMPLOYEES: 1,
  REGULATOR: 1,
  MEDIA: 1,
  AUTHORITIES: 1,
  INVESTORS: 1,
  SUPPLIERS: 1,
  PUBLIC: 1,
  ELECTED_OFFICIALS: 1,
})
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['fr', 'en']

/** The rules of the message check, each explained in one sentence under `messages.rules.<rule>`. */
export const CHECK_RULES = [
  'scapegoating',
  'no-comment',
  'arrogance',
  'counter-fire',
  'globalisation',
  'victimisation',
  'legalistic',
  'speculation',
  'naming-victims',
  'defamation-risk',
  'no-empathy',
  'audience-fit',
] as const

export type MessageView = Schemas['MessageViews.MessageView']
export type RevisionSummary = Schemas['MessageViews.RevisionSummary']
export type ApprovalView = Schemas['MessageViews.ApprovalView']
export type PublicationView = Schemas['MessageViews.PublicationView']
export type ChangeRequestView = Schemas['MessageViews.ChangeRequestView']
/** The exact words of one revision, with the message check's warnings. */
export type RevisionView = Schemas['MessageViews.RevisionView']
export type CheckWarning = Schemas['CheckWarning']
/** Characters `[start, end)` (UTF-16 code units, as Java and JavaScript count) of the revision's `title` or `body`. */
export type CheckSpan = Schemas['CheckWarning.Span']
export type PublishedMessageView = Schemas['MessageViews.PublishedMessageView']
export type TemplateView = Schemas['MessageViews.TemplateView']
export type TemplateFills = Schemas['TemplateFills']

export type NewMessage = Schemas['MessageRequests.Draft']
export type MessageEdit = Schemas['MessageRequests.Edit']
export type FromTemplate = Schemas['MessageRequests.FromTemplate']

const casePath = (id: string, rest: string): string => `/api/v1/cases/${encodeURIComponent(id)}${rest}`
const messagePath = (id: string, rest = ''): string => `/api/v1/messages/${encodeURIComponent(id)}${rest}`

/** The case's messages, last changed first (team only). */
export function listCaseMessages(caseId: string): Promise<MessageView[]> {
  return apiFetch<MessageView[]>(casePath(caseId, '/messages'))
}

export function createMessage(caseId: string, message: NewMessage): Promise<MessageView> {
  return apiSend<MessageView>(casePath(caseId, '/messages'), 'POST', message)
}

/** A message filled in from a pre-approved template: approved at once when another lawyer approved the template. */
export function createMessageFromTemplate(caseId: string, request: FromTemplate): Promise<MessageView> {
  return apiSend<MessageView>(casePath(caseId, '/messages/from-template'), 'POST', request)
}

/** What left the task force for the case, frozen as published; withdrawn ones marked. */
export function listPublishedMessages(caseId: string): Promise<PublishedMessageView[]> {
  return apiFetch<PublishedMessageView[]>(casePath(caseId, '/published-messages'))
}

export function getMessage(id: string): Promise<MessageView> {
  return apiFetch<MessageView>(messagePath(id))
}

export function getRevision(id: string, revision: number): Promise<RevisionView> {
  return apiFetch<RevisionView>(messagePath(id, `/revisions/${revision}`))
}

/** New words over `baseRevision`: a new revision, back to DRAFT; 409 when someone saved in between. */
export function editMessage(id: string, edit: MessageEdit): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id), 'PUT', edit)
}

export function submitMessage(id: string, revision: number): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id, '/submit'), 'POST', { revision })
}

/** Approves the words shown: the revision and the hash of its words. */
export function approveMessage(id: string, revision: number, sha256: string): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id, '/approve'), 'POST', { revision, sha256 })
}

export function requestMessageChanges(id: string, revision: number, comment: string): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id, '/request-changes'), 'POST', { revision, comment })
}

/** Records the publication of the approved words: the revision and the hash of its words. */
export function publishMessage(id: string, revision: number, sha256: string): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id, '/publish'), 'POST', { revision, sha256 })
}

export function withdrawMessage(id: string): Promise<MessageView> {
  return apiSend<MessageView>(messagePath(id, '/withdraw'), 'POST')
}

export function listTemplates(): Promise<TemplateView[]> {
  return apiFetch<TemplateView[]>('/api/v1/message-templates')
}

/** A lawyer approves a template's words, named by the hash of the words shown. */
export function approveTemplate(id: string, sha256: string): Promise<TemplateView> {
  return apiSend<TemplateView>(`/api/v1/message-templates/${encodeURIComponent(id)}/approve`, 'POST', { sha256 })
}
