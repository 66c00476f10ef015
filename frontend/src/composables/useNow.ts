import { onBeforeUnmount, onMounted, ref } from 'vue'

/** The current time in milliseconds, refreshed every `everyMs` while the component is mounted. */
export function useNow(everyMs = 30_000) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    now.value = Date.now()
    timer = setInterval(() => {
      now.value = Date.now()
    }, everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
