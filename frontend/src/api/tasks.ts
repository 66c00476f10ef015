import { enumValues } from './enums'
import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'
import type { components } from './schema'

type Schemas = components['schemas']

export type TaskStatus = Schemas['TaskStatus']
export type TaskOrigin = Schemas['TaskOrigin']
export type HandoffStatus = Schemas['HandoffStatus']
export const TASK_STATUSES = enumValues<TaskStatus>({ OPEN: 1, IN_PROGRESS: 1, DONE: 1, CANCELLED: 1 })

export type TaskView = Schemas['TaskView']
export type NewTask = Schemas['CaseRequests.NewTask']
/** Only the fields sent change. */
export type TaskChanges = Schemas['CaseRequests.TaskChanges']
export type HandoffView = Schemas['HandoffView']
export type NewHandoff = Schemas['CaseRequests.NewHandoff']
/** A hand-off is answered or declined, always with a reply. */
export type HandoffAnswer = Omit<Schemas['CaseRequests.HandoffAnswer'], 'decision'> & { decision: Exclude<HandoffStatus, 'OPEN'> }

const casePath = (id: string, rest: string): string => `/api/v1/cases/${encodeURIComponent(id)}${rest}`

export function listCaseTasks(caseId: string): Promise<TaskView[]> {
  return apiFetch<TaskView[]>(casePath(caseId, '/tasks'))
}

export function createTask(caseId: string, task: NewTask): Promise<TaskView> {
  return apiSend<TaskView>(casePath(caseId, '/tasks'), 'POST', task)
}

export function updateTask(id: string, changes: TaskChanges): Promise<TaskView> {
  return apiSend<TaskView>(`/api/v1/tasks/${encodeURIComponent(id)}`, 'PATCH', changes)
}

/** My open tasks across cases, overdue first, then by due date. */
export function listMyTasks(after: string | null = null, limit = PAGE_SIZE): Promise<Page<TaskView>> {
  return apiFetch<Page<TaskView>>(withQuery('/api/v1/tasks/mine', { after, limit }))
}

export function listHandoffs(caseId: string): Promise<HandoffView[]> {
  return apiFetch<HandoffView[]>(casePath(caseId, '/handoffs'))
}

export function createHandoff(caseId: string, handoff: NewHandoff): Promise<HandoffView> {
  return apiSend<HandoffView>(casePath(caseId, '/handoffs'), 'POST', handoff)
}

export function answerHandoff(id: string, answer: HandoffAnswer): Promise<HandoffView> {
  return apiSend<HandoffView>(`/api/v1/handoffs/${encodeURIComponent(id)}/answer`, 'POST', answer)
}
