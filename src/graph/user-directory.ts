import { MeetNowError } from '../errors';
import type { UserDirectory } from '../identity/organizer-resolver';
import type { GraphClient } from './graph-client';

/**
 * Entra object ids for user principal names, through `GET /v1.0/users/{upn}` (needs `User.Read.All`).
 * Each name is looked up once: answers are cached and concurrent lookups share one request.
 */
export class GraphUserDirectory implements UserDirectory {
  private readonly ids = new Map<string, Promise<string>>();

  constructor(private readonly graph: GraphClient) {}

  findUserId(tenantId: string, userPrincipalName: string): Promise<string> {
    const key = `${tenantId}\n${userPrincipalName.toLowerCase()}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.lookup(tenantId, userPrincipalName);
      // Failures are not cached: a fixed map entry or a granted permission works on the next message.
      id.catch(() => this.ids.delete(key));
      this.ids.set(key, id);
    }
    return id;
  }

  private async lookup(tenantId: string, userPrincipalName: string): Promise<string> {
    const operation = 'GET /v1.0/users/{upn}';
    try {
      const result = await this.graph.get(tenantId, `/v1.0/users/${encodeURIComponent(userPrincipalName)}`, { operation });
      const id = result.body.id;
      if (typeof id !== 'string' || id === '') {
        throw new MeetNowError('graph_invalid_response', `${operation}: the response has no id`, { status: result.status, requestId: result.requestId });
      }
      return id.toLowerCase();
    } catch (error) {
      if (error instanceof MeetNowError && error.status === 404) {
        throw new MeetNowError('identity_unmapped', `the identity map names ${userPrincipalName}, which tenant ${tenantId} does not know`, {
          status: 404,
          requestId: error.requestId,
          cause: error,
        });
      }
      if (error instanceof MeetNowError && error.status === 403) {
        throw new MeetNowError('directory_permission_missing', `looking up ${userPrincipalName} needs the User.Read.All application permission`, {
          status: 403,
          graphCode: error.graphCode,
          requestId: error.requestId,
          cause: error,
        });
      }
      throw error;
    }
  }
}
