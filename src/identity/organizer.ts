import type { Activity } from 'botbuilder';
import { MeetNowError } from '../errors';
import type { Organizer } from '../meetings/meeting';
import { GUID } from '../guards';

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

/**
 * The organizer is the authenticated sender of a Teams activity: `from.aadObjectId` in the tenant of
 * `conversation.tenantId` (else `channelData.tenant.id`). Nothing from card data or text is ever used.
 * Only for channels that vouch for `aadObjectId` (Teams; see channels/capabilities.ts): elsewhere a client
 * can write any `from`.
 */
export function teamsOrganizer(activity: Partial<Activity>): Organizer {
  const objectId: unknown = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (typeof objectId !== 'string' || !GUID.test(objectId) || typeof tenantId !== 'string' || !GUID.test(tenantId)) {
    throw new MeetNowError('identity_missing', 'the activity has no Entra object id or tenant id for the sender');
  }
  const name = activity.from?.name;
  return {
    objectId: objectId.toLowerCase(),
    tenantId: tenantId.toLowerCase(),
    displayName: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
  };
}
