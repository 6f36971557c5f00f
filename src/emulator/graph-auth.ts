import type { Directory } from './directory';
import { GraphError } from './errors';
import { headerValue, type Exchange } from './exchange';
import type { TokenSigner } from './tokens';

/** Who called Graph, from a valid access token. */
export interface Caller {
  tenantId: string;
  appId: string;
  roles: readonly string[];
}

/** Checks a Graph request's token and that it carries one of `anyOfRoles`; else answers as `denied` says. */
export type Authenticate = (ex: Exchange, anyOfRoles: readonly string[], denied: () => GraphError) => Promise<Caller>;

export interface GraphAuthDeps {
  directory: Directory;
  signer: TokenSigner;
  graphAudience: string;
  graphBaseUrl: string;
}

/** Graph's token checks, shared by every Graph route (online meetings, users, calendar events). */
export function graphAuthenticator(deps: GraphAuthDeps): Authenticate {
  return async (ex, anyOfRoles, denied) => {
    const unauthorized = (message: string): GraphError =>
      new GraphError(401, 'InvalidAuthenticationToken', message, {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="${deps.graphBaseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      });
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(ex.headers, 'authorization') ?? '');
    if (match?.[1] === undefined) throw unauthorized('Access token is empty.');
    const check = await deps.signer.verify(match[1], deps.graphAudience);
    if (!check.ok) throw unauthorized(check.message);
    // A tenant the token names was known or provisioned when it was issued; an auto-provisioned one forgotten since is made again.
    if (deps.directory.resolveTenant(check.claims.tid) === undefined) throw unauthorized('Access token validation failure. Invalid issuer.');
    const roles = check.claims.roles ?? [];
    if (!anyOfRoles.some((role) => roles.includes(role))) throw denied();
    return { tenantId: check.claims.tid, appId: check.claims.appid, roles };
  };
}
