import { X509Certificate, type KeyObject } from 'node:crypto';
import { BoundedMap } from '../bounded-map';
import { looksLikeGuid } from './ids';
import type { EmulatorApp, EmulatorUser } from './types';

export const DEFAULT_APP_ROLES: readonly string[] = ['OnlineMeetings.ReadWrite.All', 'User.Read.All', 'Calendars.ReadWrite'];

export interface DirectoryUser {
  id: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  accessPolicy: boolean;
  audioConferencing: boolean;
  teamsLicensed: boolean;
  guest: boolean;
}

export interface AppCertificate {
  publicKey: KeyObject;
  /** base64url SHA-1 thumbprint, as sent in the `x5t` header. */
  x5t: string;
  /** base64url SHA-256 thumbprint, as sent in the `x5t#S256` header. */
  x5tS256: string;
}

export interface DirectoryApp {
  clientId: string;
  clientSecret?: string;
  certificate?: AppCertificate;
  roles: readonly string[];
  /** Undefined: consented in every known tenant. */
  tenants?: ReadonlySet<string>;
}

/**
 * Auto-provisioning makes a tenant or user of every GUID an activity names; each is derived from its id
 * alone, so the oldest are forgotten past these caps and made again, identical, when seen again.
 */
export const MAX_AUTO_TENANTS = 1_000;
export const MAX_AUTO_USERS = 10_000;

/** Tenants, users and app registrations the emulator knows; ids compare case-insensitively like Entra's. */
export class Directory {
  private readonly tenants = new Set<string>();
  private readonly users = new Map<string, DirectoryUser>();
  private readonly autoTenants = new BoundedMap<string, true>({ maxEntries: MAX_AUTO_TENANTS });
  private readonly autoUsers = new BoundedMap<string, DirectoryUser>({ maxEntries: MAX_AUTO_USERS });
  private readonly apps = new Map<string, DirectoryApp>();

  constructor(private readonly autoProvision: boolean) {}

  addTenant(id: string): void {
    this.tenants.add(id.toLowerCase());
  }

  /** The canonical tenant id, provisioning a GUID tenant in auto-provision mode; undefined when unknown. */
  resolveTenant(id: string): string | undefined {
    const key = id.toLowerCase();
    if (this.tenants.has(key) || this.autoTenants.has(key)) return key;
    if (this.autoProvision && looksLikeGuid(key)) {
      this.autoTenants.set(key, true);
      return key;
    }
    return undefined;
  }

  addUser(user: EmulatorUser): void {
    const normalized: DirectoryUser = {
      id: user.id.toLowerCase(),
      tenantId: user.tenantId.toLowerCase(),
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      accessPolicy: user.accessPolicy ?? true,
      audioConferencing: user.audioConferencing ?? true,
      teamsLicensed: user.teamsLicensed ?? true,
      guest: user.guest ?? false,
    };
    this.addTenant(normalized.tenantId);
    this.autoUsers.delete(normalized.id);
    this.users.set(normalized.id, normalized);
  }

  /**
   * A user of `tenantId` by object id, provisioning an unseen GUID in auto-provision mode.
   * A user of another tenant is not found, as in Graph.
   */
  findUserById(tenantId: string, id: string): DirectoryUser | undefined {
    const key = id.toLowerCase();
    const known = this.users.get(key) ?? this.autoUsers.get(key);
    if (known) return known.tenantId === tenantId.toLowerCase() ? known : undefined;
    if (!this.autoProvision || !looksLikeGuid(key)) return undefined;
    const tenant = tenantId.toLowerCase();
    const provisioned: DirectoryUser = {
      id: key,
      tenantId: tenant,
      displayName: `User ${key.slice(0, 8)}`,
      userPrincipalName: `user-${key.slice(0, 8)}@tenant-${tenant.slice(0, 8)}.onmicrosoft.com`,
      accessPolicy: true,
      audioConferencing: true,
      teamsLicensed: true,
      guest: false,
    };
    this.autoUsers.set(key, provisioned);
    return provisioned;
  }

  /** By object id or user principal name (case-insensitive), within one tenant. */
  findUser(tenantId: string, idOrUpn: string): DirectoryUser | undefined {
    if (looksLikeGuid(idOrUpn)) return this.findUserById(tenantId, idOrUpn);
    const upn = idOrUpn.toLowerCase();
    const tenant = tenantId.toLowerCase();
    for (const users of [this.users.values(), this.autoUsers.values()]) {
      for (const user of users) if (user.tenantId === tenant && user.userPrincipalName.toLowerCase() === upn) return user;
    }
    return undefined;
  }

  /** Entries made by auto-provisioning, at most MAX_AUTO_TENANTS + MAX_AUTO_USERS. */
  get autoProvisioned(): number {
    return this.autoTenants.size + this.autoUsers.size;
  }

  /** Registers (or replaces) an app; throws when its certificate cannot be read. */
  addApp(app: EmulatorApp): void {
    const tenants = app.tenants?.map((t) => t.toLowerCase());
    tenants?.forEach((t) => this.addTenant(t));
    this.apps.set(app.clientId.toLowerCase(), {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      certificate: app.certificatePem === undefined ? undefined : readCertificate(app.certificatePem),
      roles: [...(app.roles ?? DEFAULT_APP_ROLES)],
      tenants: tenants === undefined ? undefined : new Set(tenants),
    });
  }

  findApp(clientId: string): DirectoryApp | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  isConsented(app: DirectoryApp, tenantId: string): boolean {
    return app.tenants === undefined || app.tenants.has(tenantId.toLowerCase());
  }
}

function readCertificate(pem: string): AppCertificate {
  const cert = new X509Certificate(pem);
  const thumbprint = (colonHex: string): string => Buffer.from(colonHex.replace(/:/g, ''), 'hex').toString('base64url');
  return { publicKey: cert.publicKey, x5t: thumbprint(cert.fingerprint), x5tS256: thumbprint(cert.fingerprint256) };
}
