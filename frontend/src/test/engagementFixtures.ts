import { http, HttpResponse } from 'msw'

/** A client's case cards show the public entries of the case's running log: none. */
export const noPublicLog = http.get('/api/v1/cases/:caseId/log', () => HttpResponse.json({ items: [], next: null }))
