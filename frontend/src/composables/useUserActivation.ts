import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useToast } from 'primevue/usetoast'
import { displayName, resendInvitation, setUserActive, type Invitation, type User } from '@/api/users'
import { useActivationConfirm } from '@/composables/useActivationConfirm'
import { useProblem } from '@/composables/useProblem'

/** Deactivation and reactivation of the users of a list (with confirmation), invitations sent again, and the list kept in step. */
export function useUserActivation(list: { upsert: (user: User, same: (a: User, b: User) => boolean) => void }) {
  const { t } = useI18n()
  const toast = useToast()
  const { describe } = useProblem()
  const { askActivation } = useActivationConfirm()
  const actionProblem = ref<string | null>(null)

  const sameUser = (a: User, b: User): boolean => a.id === b.id

  function onToggle(user: User): void {
    const active = !user.active
    askActivation({ kind: 'user', active, name: displayName(user), onAccept: () => void apply(user, active) })
  }

  async function apply(user: User, active: boolean): Promise<void> {
    actionProblem.value = null
    try {
      const updated = await setUserActive(user.id, active)
      list.upsert(updated, sameUser)
      toast.add({
        severity: 'success',
        summary: t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: displayName(updated) }),
        life: 5000,
      })
    } catch (e) {
      actionProblem.value = describe(e)
    }
  }

  /** Asks for a new invitation e-mail; answers the (pending) invitation, or null when refused (the problem is shown). */
  async function onResend(user: User): Promise<Invitation | null> {
    actionProblem.value = null
    try {
      return await resendInvitation(user.id)
    } catch (e) {
      actionProblem.value = describe(e)
      return null
    }
  }

  function updateRow(user: User): void {
    list.upsert(user, sameUser)
  }

  return { actionProblem, onToggle, onResend, updateRow }
}
