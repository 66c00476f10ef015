import type { Workstream } from './cases'
import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'

export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export type TaskOrigin = 'TRIAGE' | 'MANUAL' | 'HANDOFF'
export type HandoffStatus = 'OPEN' | 'ANSWERED' | 'DECLINED'

export interface TaskView {
  id: string
  caseId: string
  caseTitle: string
  tenantName: string
  workstream: Workstream
  title: string
  assigneeId?: string | null
  assigneeName?: string | null
  dueAt?: string | null
  status: TaskStatus
  origin: TaskOrigin
  handoffId?: string | null
  createdAt: string
  overdue: boolean
}

export interface NewTask {
  title: string
  workstream: Workstream
  assigneeId?: string
  dueAt?: string
}

export interface TaskChanges {
  status?: TaskStatus
  title?: string
  assigneeId?: string
  dueAt?: string
}

export interface HandoffView {
  id: string
  caseId: string
  fromWorkstream: Workstream
  toWorkstream: Workstream
  note: string
  status: HandoffStatus
  reply?: string | null
  createdByName: string
  createdAt: string
  answeredByName?: string | null
  answeredAt?: string | null
  taskId?: string | null
}

export interface NewHandoff {
  fromWorkstream: Workstream
  toWorkstream: Workstream
  note: string
}

export interface HandoffAnswer {
  decision: 'ANSWERED' | 'DECLINED'
  reply: string
}

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
