import { useConfirm } from 'primevue/useconfirm'
import { useI18n } from 'vue-i18n'

/**
 * Asks before deactivating or reactivating a tenant or a user; `onAccept` runs only when confirmed.
 * The dialog opens on Cancel, so that Enter does not deactivate by accident.
 */
export function useActivationConfirm() {
  const confirm = useConfirm()
  const { t } = useI18n()

  function askActivation(options: { kind: 'tenant' | 'user'; active: boolean; name: string; onAccept: () => void }): void {
    const change = options.active ? 'reactivate' : 'deactivate'
    confirm.require({
      header: t(`confirm.${change}.header`, { name: options.name }),
      message: t(`confirm.${options.kind}.${change}`, { name: options.name }),
      defaultFocus: 'reject',
      acceptProps: {
        label: t(`confirm.${change}.accept`),
        severity: options.active ? undefined : 'danger',
        'data-testid': 'confirm-accept',
      },
      rejectProps: { label: t('common.cancel'), severity: 'secondary', outlined: true, 'data-testid': 'confirm-reject' },
      accept: options.onAccept,
    })
  }

  return { askActivation }
}
