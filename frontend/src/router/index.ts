import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { AREA_PATHS, canAccess, isArea, type Area } from '@/auth/areas'
import HomeView from '@/views/HomeView.vue'
import NotFoundView from '@/views/NotFoundView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    area?: Area
  }
}

export const routes: RouteRecordRaw[] = [
  { path: AREA_PATHS.home, name: 'home', component: HomeView, meta: { area: 'home' } },
  { path: AREA_PATHS.cases, name: 'cases', component: () => import('@/views/cases/CasesView.vue'), meta: { area: 'cases' } },
  {
    path: `${AREA_PATHS.cases}/new`,
    name: 'case-new',
    component: () => import('@/views/cases/CaseNewView.vue'),
    meta: { area: 'cases' },
  },
  {
    path: `${AREA_PATHS.cases}/:id`,
    name: 'case',
    component: () => import('@/views/cases/CaseWorkspaceView.vue'),
    props: true,
    meta: { area: 'cases' },
  },
  {
    path: AREA_PATHS.messages,
    name: 'messages',
    component: () => import('@/views/messages/MessagesView.vue'),
    meta: { area: 'messages' },
  },
  { path: AREA_PATHS.legal, name: 'legal', component: () => import('@/views/legal/LegalView.vue'), meta: { area: 'legal' } },
  {
    path: AREA_PATHS.reputation,
    name: 'reputation',
    component: () => import('@/views/reputation/ReputationView.vue'),
    meta: { area: 'reputation' },
  },
  { path: AREA_PATHS.portal, name: 'portal', component: () => import('@/views/portal/PortalView.vue'), meta: { area: 'portal' } },
  {
    path: `${AREA_PATHS.portal}/new`,
    name: 'portal-new',
    component: () => import('@/views/portal/PortalReportView.vue'),
    meta: { area: 'portal' },
  },
  {
    // children inherit the area, so the guard keeps every admin page to platform admins
    path: AREA_PATHS.admin,
    component: () => import('@/views/admin/AdminView.vue'),
    meta: { area: 'admin' },
    children: [
      { path: '', name: 'admin', component: () => import('@/views/admin/AdminTenantsView.vue') },
      { path: 'staff', name: 'admin-staff', component: () => import('@/views/admin/AdminStaffView.vue') },
      { path: 'webhooks', name: 'admin-webhooks', component: () => import('@/views/admin/AdminWebhooksView.vue') },
      { path: 'legal-rules', name: 'admin-legal-rules', component: () => import('@/views/admin/AdminLegalRulesView.vue') },
      {
        path: 'tenants/:id',
        name: 'admin-tenant',
        component: () => import('@/views/admin/AdminTenantView.vue'),
        props: true,
      },
    ],
  },
  { path: AREA_PATHS.audit, name: 'audit', component: () => import('@/views/audit/AuditView.vue'), meta: { area: 'audit' } },
  // no area: open to every signed-in user, reached from the bell rather than the navigation
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/notifications/NotificationsView.vue'),
  },
  {
    path: '/notifications/preferences',
    name: 'notification-preferences',
    component: () => import('@/views/notifications/NotificationPreferencesView.vue'),
  },
  // no area: staff and clients search their own cases (the server decides what each may find)
  { path: '/search', name: 'search', component: () => import('@/views/engagement/SearchView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
]

/**
 * @param roles the signed-in user's roles, read at each navigation; an area they may not open sends them Home.
 */
export function createAppRouter(roles: () => readonly string[], history: RouterHistory = createWebHistory('/')) {
  const router = createRouter({ history, routes })
  router.beforeEach((to) => {
    const area = to.meta.area
    if (isArea(area) && !canAccess(area, roles())) {
      return { name: 'home', replace: true }
    }
    return true
  })
  return router
}
