import { onMounted, ref } from 'vue'
import { listPublishedMessages } from '@/api/messages'
import { onCaseChanged } from './useLiveUpdates'

/** One message a log entry or a rumour's response may name. */
export interface PublishedMessageOption {
  value: string
  label: string
}

/**
 * The case's messages that stand published (withdrawn ones left out: the API refuses them), as select options for
 * the forms that link a message. Read once per panel and again when the case changes; a failure leaves the list
 * empty, the forms work without it.
 */
export function usePublishedMessageOptions(caseId: () => string) {
  const options = ref<PublishedMessageOption[]>([])

  async function load(): Promise<void> {
    try {
      options.value = (await listPublishedMessages(caseId()))
        .filter((m) => m.state === 'PUBLISHED')
        .map((m) => ({ value: m.id, label: m.title }))
    } catch {
      options.value = []
    }
  }

  onMounted(load)
  onCaseChanged(caseId, () => void load())
  return options
}
