import { ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  getTriageProposal,
  type CaseView,
  type ClockRule,
  type Cluster,
  type CrisisType,
  type Kinetics,
  type Phase,
  type TriageProposal,
  type TriageRequest,
  type Workstream,
} from '@/api/cases'
import { fromLocalInput, toLocalInput } from './localDateTime'

export interface ClockDraft {
  key: number
  rule: ClockRule | null
  /** datetime-local value */
  triggerAt: string
  /** the proposed instant, sent back as it is (seconds included) unless the consultant changed the time */
  proposedAt?: string | null
}

export interface TaskDraft {
  key: number
  title: string
  workstream: Workstream | null
  /** datetime-local value, or '' */
  dueAt: string
  /** the proposed instant, sent back as it is unless the consultant changed the time */
  proposedAt?: string | null
}

/** The instant of an edited datetime-local value, or the proposed one when the minute shown was not changed. */
function instantOf(local: string, proposedAt: string | null | undefined): string | undefined {
  return proposedAt && toLocalInput(proposedAt) === local ? proposedAt : fromLocalInput(local)
}

export interface TriageErrors {
  crisisTypes?: string
  cluster?: string
  severity?: string
  kinetics?: string
  phase?: string
  workstreams?: string
  clocks: Record<number, string>
  tasks: Record<number, string>
}

let keys = 0

/**
 * The triage form of a case: loads triage's proposal, re-asks for it when the consultant changes the crisis types
 * or the kinetics (keeping their choice of both), and turns the edited form back into a triage request.
 */
export function useTriageForm(caseView: () => CaseView) {
  const { t, locale } = useI18n({ useScope: 'global' })

  const crisisTypes = ref<CrisisType[]>([])
  const cluster = ref<Cluster | null>(null)
  const severity = ref<number | null>(null)
  const kinetics = ref<Kinetics | null>(null)
  const phase = ref<Phase | null>(null)
  const workstreams = ref<Workstream[]>([])
  const clocks = ref<ClockDraft[]>([])
  const tasks = ref<TaskDraft[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)
  /** Answers to older requests are dropped when the consultant changed the types again meanwhile. */
  let request = 0

  function apply(proposal: TriageProposal, keepChoice: boolean): void {
    if (!keepChoice) {
      crisisTypes.value = [...proposal.crisisTypes]
      kinetics.value = proposal.kinetics
    }
    cluster.value = proposal.cluster
    severity.value = proposal.severity
    phase.value = proposal.phase
    workstreams.value = [...proposal.workstreams]
    clocks.value = (proposal.clocks ?? []).map((c) => ({
      key: keys++,
      rule: c.rule,
      triggerAt: toLocalInput(c.triggerAt),
      proposedAt: c.triggerAt,
    }))
    tasks.value = (proposal.tasks ?? []).map((task) => ({
      key: keys++,
      title: task.title,
      workstream: task.workstream,
      dueAt: toLocalInput(task.dueAt),
      proposedAt: task.dueAt,
    }))
  }

  async function fetchProposal(keepChoice: boolean): Promise<void> {
    const mine = ++request
    loading.value = true
    error.value = null
    try {
      const proposal = await getTriageProposal(caseView().id, {
        crisisTypes: keepChoice ? crisisTypes.value : undefined,
        kinetics: keepChoice ? kinetics.value : undefined,
        lang: locale.value,
      })
      if (mine === request) {
        apply(proposal, keepChoice)
        loaded.value = true
      }
    } catch (e) {
      if (mine === request) {
        error.value = e
      }
    } finally {
      if (mine === request) {
        loading.value = false
      }
    }
  }

  /** The first proposal: from the facts of a new case, or from the current triage of a triaged one. */
  async function load(): Promise<void> {
    const c = caseView()
    if (c.status === 'TRIAGED' && c.crisisTypes.length > 0) {
      crisisTypes.value = [...c.crisisTypes]
      kinetics.value = c.kinetics ?? null
      await fetchProposal(true)
      cluster.value = c.cluster ?? cluster.value
      severity.value = c.severity ?? severity.value
      phase.value = c.phase ?? phase.value
      if (c.workstreams.length > 0) {
        workstreams.value = c.workstreams.map((w) => w.workstream)
      }
    } else {
      await fetchProposal(false)
    }
  }

  function setCrisisTypes(types: CrisisType[]): void {
    crisisTypes.value = types
    if (types.length > 0) {
      void fetchProposal(true)
    }
  }

  function setKinetics(value: Kinetics): void {
    kinetics.value = value
    if (crisisTypes.value.length > 0) {
      void fetchProposal(true)
    }
  }

  function validate(): TriageErrors {
    const found: TriageErrors = { clocks: {}, tasks: {} }
    if (crisisTypes.value.length === 0) {
      found.crisisTypes = t('triage.chooseOneType')
    }
    const required = t('validation.required')
    if (cluster.value === null) {
      found.cluster = required
    }
    if (severity.value === null) {
      found.severity = required
    }
    if (kinetics.value === null) {
      found.kinetics = required
    }
    if (phase.value === null) {
      found.phase = required
    }
    if (workstreams.value.length === 0) {
      found.workstreams = t('triage.chooseOneWorkstream')
    }
    clocks.value.forEach((clock, index) => {
      if (clock.rule === null || fromLocalInput(clock.triggerAt) === undefined) {
        found.clocks[index] = t('triage.clockIncomplete')
      }
    })
    tasks.value.forEach((task, index) => {
      if (task.title.trim() === '' || task.workstream === null) {
        found.tasks[index] = t('triage.taskIncomplete')
      } else if (task.dueAt !== '' && fromLocalInput(task.dueAt) === undefined) {
        found.tasks[index] = t('validation.dateTime')
      }
    })
    return found
  }

  /** The request for a form that passed `validate`. */
  function toRequest(): TriageRequest {
    return {
      crisisTypes: [...crisisTypes.value],
      cluster: cluster.value as Cluster,
      severity: severity.value as number,
      kinetics: kinetics.value as Kinetics,
      phase: phase.value as Phase,
      workstreams: [...workstreams.value],
      clocks: clocks.value.map((c) => ({ rule: c.rule as ClockRule, triggerAt: instantOf(c.triggerAt, c.proposedAt) as string })),
      tasks: tasks.value.map((task) => {
        const due = instantOf(task.dueAt, task.proposedAt)
        return due
          ? { title: task.title.trim(), workstream: task.workstream as Workstream, dueAt: due }
          : { title: task.title.trim(), workstream: task.workstream as Workstream }
      }),
    }
  }

  return {
    crisisTypes,
    cluster,
    severity,
    kinetics,
    phase,
    workstreams,
    clocks,
    tasks,
    loading,
    loaded,
    error,
    load,
    setCrisisTypes,
    setKinetics,
    validate,
    toRequest,
  }
}
