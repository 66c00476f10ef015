import { onBeforeUnmount, ref } from 'vue'
import { getInvitation, type Invitation, type User } from '@/api/users'

/** Pauses between two reads of a pending invitation: soon at first, then every few seconds, for about a minute. */
export const INVITATION_POLL_DELAYS_MS = [400, 800, 1500, 2500, ...Array<number>(20).fill(3000)]

/**
 * Follows the invitation e-mail of the person last invited (or invited again): the notice says where it stands, and
 * `onUpdate` keeps the list's row in step, until it is SENT or FAILED. Only one person is followed at a time.
 */
export function useInvitationNotice(onUpdate: (user: User) => void) {
  const notice = ref<{ user: User; invitation: Invitation } | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let followed = 0

  function follow(user: User, invitation: Invitation): void {
    clearTimeout(timer)
    const mine = ++followed
    notice.value = { user, invitation }
    onUpdate({ ...user, invitation })
    poll(mine, 0)
  }

  function poll(mine: number, step: number): void {
    const current = notice.value
    const delay = INVITATION_POLL_DELAYS_MS[step]
    if (!current || current.invitation.status !== 'PENDING' || delay === undefined) {
      return
    }
    timer = setTimeout(async () => {
      try {
        const invitation = await getInvitation(current.user.id)
        if (mine !== followed) {
          return
        }
        notice.value = { user: current.user, invitation }
        onUpdate({ ...current.user, invitation })
      } catch {
        // a failed read changes nothing: the next one may succeed
      }
      poll(mine, step + 1)
    }, delay)
  }

  function dismiss(): void {
    clearTimeout(timer)
    followed++
    notice.value = null
  }

  onBeforeUnmount(() => clearTimeout(timer))

  return { notice, follow, dismiss }
}
