import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'
import type { components } from './schema'

/* Webhooks of tenants and firms (platform admins). Types come from the backend's OpenAPI document (`npm run generate:api`). */
type Schemas = components['schemas']

export type Webhook = Schemas['WebhookView']
export type WebhookOwner = Schemas['WebhookView.Owner']
export type CreatedWebhook = Schemas['WebhookView.Created']
export type NewWebhook = Schemas['WebhookRequests.CreateWebhook']
export type WebhookDelivery = Schemas['WebhookDeliveryView']
export type WebhookAttempt = Schemas['WebhookDeliveryView.Attempt']
export type Firm = Schemas['Firm']

export function listWebhooks(after: string | null = null, limit = PAGE_SIZE): Promise<Page<Webhook>> {
  return apiFetch<Page<Webhook>>(withQuery('/api/v1/webhooks', { after, limit }))
}

/** Creates a webhook; the answer carries its signing secret, shown this once. */
export function createWebhook(webhook: NewWebhook): Promise<CreatedWebhook> {
  return apiSend<CreatedWebhook>('/api/v1/webhooks', 'POST', webhook)
}

export function deleteWebhook(id: string): Promise<void> {
  return apiSend<void>(`/api/v1/webhooks/${encodeURIComponent(id)}`, 'DELETE')
}

export function enableWebhook(id: string): Promise<Webhook> {
  return apiSend<Webhook>(`/api/v1/webhooks/${encodeURIComponent(id)}/enable`, 'POST')
}

export function testWebhook(id: string): Promise<WebhookDelivery> {
  return apiSend<WebhookDelivery>(`/api/v1/webhooks/${encodeURIComponent(id)}/test`, 'POST')
}

export function listWebhookDeliveries(id: string, after: string | null = null, limit = PAGE_SIZE): Promise<Page<WebhookDelivery>> {
  return apiFetch<Page<WebhookDelivery>>(withQuery(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`, { after, limit }))
}
