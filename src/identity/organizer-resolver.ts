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
  /** The mapped identity of `from.id` on a channel whose service sets it. */
  lookup(channelId: string, senderId: string): MappedIdentity | undefined;
}

/** Who the organizer is, from the authenticated activity only. */
export interface OrganizerResolver {
  resolve(activity: Partial<Activity>): Promise<Organizer>;
}

/**
 * Teams vouches for the sender's Entra identity; Slack through Azure Bot Service vouches for `from.id`, which
 * the identity map turns into an Entra identity. Where the client chooses `from.id` (Web Chat, Direct Line,
 * the Emulator, unknown channels) nobody can be the organizer: the map is never consulted there.
 */
export class ChannelOrganizerResolver implements OrganizerResolver {
  constructor(
    private readonly identityMap: IdentityLookup | undefined,
    private readonly directory: UserDirectory,
    /** ALLOWED_TENANTS, checked before a user principal name costs a token and a Graph call. */
    private readonly assertTenantAllowed: (tenantId: string) => void = () => undefined,
  ) {}

  async resolve(activity: Partial<Activity>): Promise<Organizer> {
    const { senderIdentity } = capabilitiesOf(activity.channelId);
    if (senderIdentity === 'entra') return teamsOrganizer(activity);
    if (senderIdentity === 'client-chosen') {
      throw new MeetNowError('identity_unverifiable', `on channel ${String(activity.channelId).slice(0, 64)} the client chooses from.id: nobody organizes through it`);
    }
    const senderId = activity.from?.id;
    const entry = typeof senderId === 'string' && typeof activity.channelId === 'string' ? this.identityMap?.lookup(activity.channelId, senderId) : undefined;
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
