import type { Activity } from 'botbuilder';
import { capabilitiesOf } from '../channels/capabilities';
import { MeetNowError } from '../errors';
import type { Organizer } from '../meetings/meeting';
import type { MappedIdentity } from './identity-map';
import { teamsOrganizer } from './organizer';

/** Object ids for user principal names (Graph `GET /users/{upn}`). */
export interface UserDirectory {
  findUserId(tenantId: string, userPrincipalName: string): Promise<string>;
}

export interface IdentityLookup {
  lookup(senderId: string): MappedIdentity | undefined;
}

/** Who the organizer is, from the authenticated activity only. */
export interface OrganizerResolver {
  resolve(activity: Partial<Activity>): Promise<Organizer>;
}

/**
 * Teams vouches for the sender's Entra identity; every other channel (Slack through Azure Bot Service,
 * Web Chat…) goes through the identity map, keyed by `from.id` exactly as the channel sends it.
 */
export class ChannelOrganizerResolver implements OrganizerResolver {
  constructor(
    private readonly identityMap: IdentityLookup | undefined,
    private readonly directory: UserDirectory,
    /** ALLOWED_TENANTS, checked before a user principal name costs a token and a Graph call. */
    private readonly assertTenantAllowed: (tenantId: string) => void = () => undefined,
  ) {}

  async resolve(activity: Partial<Activity>): Promise<Organizer> {
    if (capabilitiesOf(activity.channelId).vouchesForEntraIdentity) return teamsOrganizer(activity);
    const senderId = activity.from?.id;
    const entry = typeof senderId === 'string' ? this.identityMap?.lookup(senderId) : undefined;
    if (entry === undefined) {
      throw new MeetNowError('identity_unmapped', `sender ${String(senderId)} on ${String(activity.channelId)} is not in the identity map`);
    }
    const name = activity.from?.name;
    const displayName = typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    this.assertTenantAllowed(entry.tenantId);
    const objectId = 'aadObjectId' in entry ? entry.aadObjectId : await this.directory.findUserId(entry.tenantId, entry.userPrincipalName);
    return { objectId, tenantId: entry.tenantId, displayName };
  }
}
