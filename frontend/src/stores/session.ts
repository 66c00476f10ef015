import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { fetchMe, type Me } from '@/api/me'
import { areasFor, knownRoles } from '@/auth/areas'

/** The signed-in user. Loaded once at start-up, before the app is mounted. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)

  const roles = computed<readonly string[]>(() => me.value?.roles ?? [])
  const displayRoles = computed(() => knownRoles(roles.value))
  const displayName = computed(() => {
    const name = me.value?.name?.trim()
    return name ? name : (me.value?.username ?? '')
  })
  const areas = computed(() => areasFor(roles.value))

  async function load(): Promise<Me> {
    const loaded = await fetchMe()
    me.value = loaded
    return loaded
  }

  function set(value: Me | null): void {
    me.value = value
  }

  return { me, roles, displayRoles, displayName, areas, load, set }
})
