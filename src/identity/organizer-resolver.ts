import { capabilitiesOf } from '../channels/capabilities';
import { MeetNowError } from '../errors';
import type { Organizer } from '../meetings/meeting';
import type { MappedIdentity } from './identity-map';
import { teamsOrganizer } from './organizer';
import type { Sender } from './sender';

/** Object ids for user principal names (Graph `GET /users/{upn}`). */
export interface UserDirectory {
  findUserId(tenantId: string, userPrincipalName: string): Promise<string>;
}

export interface IdentityLookup {
  /** The mapped identity of `from.id` on a channel whose service sets it. */
  lookup(channelId: string, senderId: string): MappedIdentity | undefined;
}

/**
 * Who a sender is before any network call: an Entra object id, or a user principal name the directory turns
 * into one. The tenant is known either way, so that tenant policy is checked before a token is asked for.
 */
export type SenderIdentity = { tenantId: string; displayName?: string } & ({ objectId: string } | { userPrincipalName: string });

/** Who the organizer is, from the authenticated sender only. */
export interface OrganizerResolver {
  /** The sender's identity as the channel vouches for it; throws when nobody can organize through it. */
  identify(sender: Sender): SenderIdentity;
  /** The organizer an identity names (a user principal name costs a token and a Graph look-up). */
  resolve(identity: SenderIdentity): Promise<Organizer>;
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
  ) {}

  identify(sender: Sender): SenderIdentity {
    const { channelId } = sender;
    const { senderIdentity } = capabilitiesOf(channelId);
    if (senderIdentity === 'entra') return teamsOrganizer(sender);
    if (senderIdentity === 'client-chosen') {
      throw new MeetNowError('identity_unverifiable', `on channel ${String(channelId).slice(0, 64)} the client chooses from.id: nobody organizes through it`);
    }
    const senderId = sender.from.id;
    const entry = typeof senderId === 'string' && typeof channelId === 'string' ? this.identityMap?.lookup(channelId, senderId) : undefined;
    if (entry === undefined) {
      throw new MeetNowError('identity_unmapped', `sender ${String(senderId)} on ${String(channelId)} is not in the identity map`);
    }
    const name = sender.from.name;
    const displayName = typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
    return 'aadObjectId' in entry
      ? { objectId: entry.aadObjectId, tenantId: entry.tenantId, displayName }
      : { userPrincipalName: entry.userPrincipalName, tenantId: entry.tenantId, displayName };
  }

  async resolve(identity: SenderIdentity): Promise<Organizer> {
    if ('objectId' in identity) return identity;
    const { userPrincipalName, ...rest } = identity;
    return { ...rest, objectId: await this.directory.findUserId(identity.tenantId, userPrincipalName) };
  }
}
