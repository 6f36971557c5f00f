import type { Activity } from 'botbuilder';
import type { OrganizerResolver } from '../identity/organizer-resolver';
import type { Sender } from '../identity/sender';
import type { Organizer } from '../meetings/meeting';
import type { TenantPolicy } from '../meetings/tenant-policy';

/** The tenant of the conversation, else Teams' `channelData.tenant.id`. */
function tenantOf(activity: Partial<Activity>): unknown {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation;
  const channelData: unknown = activity.channelData;
  if (channelData !== null && typeof channelData === 'object' && 'tenant' in channelData) {
    const tenant = (channelData as { tenant?: unknown }).tenant;
    if (tenant !== null && typeof tenant === 'object' && 'id' in tenant) return (tenant as { id?: unknown }).id;
  }
  return undefined;
}

/** The sender of an activity as a plain record, for organizer resolution. */
export function senderOf(activity: Partial<Activity>): Sender {
  const from: unknown = activity.from;
  const field = (name: 'id' | 'name' | 'aadObjectId'): unknown =>
    from !== null && typeof from === 'object' && name in from ? (from as Record<string, unknown>)[name] : undefined;
  return {
    channelId: activity.channelId,
    from: { id: field('id'), name: field('name'), aadObjectId: field('aadObjectId') },
    tenantId: tenantOf(activity),
  };
}

/**
 * The sender as organizer, for whatever they ask (starting or cancelling a meeting): identified as the
 * channel vouches, the tenant admitted (before a user principal name costs a token), then resolved.
 */
export async function organizerOf(activity: Partial<Activity>, organizers: OrganizerResolver, tenants: TenantPolicy): Promise<Organizer> {
  const identity = organizers.identify(senderOf(activity));
  tenants.assertAllowed(identity.tenantId);
  return organizers.resolve(identity);
}
