import { JourneyError, formatPath } from '../errors'
import { apiRequests, isApiMethod, type ApiMethod, type ApiRequest } from './contract'

/**
 * Checks an incoming call before it reaches the library. Throws a JourneyError naming the
 * method and every offending field (at most 20) so the caller sees what was wrong and where.
 */
export function parseApiCall(method: unknown, payload: unknown): { method: ApiMethod; req: ApiRequest<ApiMethod> } {
  if (!isApiMethod(method)) {
    throw new JourneyError('invalid_request', `Unknown API method ${JSON.stringify(String(method)).slice(0, 80)}.`)
  }
  const result = apiRequests[method].safeParse(payload ?? {})
  if (!result.success) {
    const issues = result.error.issues.slice(0, 20).map((i) => ({ path: formatPath(i.path), message: i.message }))
    const first = issues[0]
    throw new JourneyError(
      'invalid_request',
      `Invalid request for ${method}: ${first ? `${first.path}: ${first.message}` : 'wrong shape'}.`,
      issues
    )
  }
  return { method, req: result.data as ApiRequest<ApiMethod> }
}
