import { MeetNowError } from '../errors';

/** ALLOWED_TENANTS: which tenants may use the bot (empty: any). Checked once per request, before any token. */
export class TenantPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowed: Iterable<string>) {
    this.allowed = new Set([...allowed].map((tenant) => tenant.toLowerCase()));
  }

  /** Throws `tenant_not_allowed` when the policy does not list the tenant. */
  assertAllowed(tenantId: string): void {
    if (this.allowed.size > 0 && !this.allowed.has(tenantId.toLowerCase())) {
      throw new MeetNowError('tenant_not_allowed', `tenant ${tenantId} is not in ALLOWED_TENANTS`);
    }
  }
}
