import { MeetNowError } from '../errors';
import type { Organizer } from '../meetings/meeting';
import { GUID } from '../guards';
import type { Sender } from './sender';

/**
 * The organizer is the authenticated sender of a Teams activity: `from.aadObjectId` in the sender's tenant.
 * Nothing from card data or text is ever used. Only for channels that vouch for `aadObjectId` (Teams; see
 * channels/capabilities.ts): elsewhere a client can write any `from`.
 */
export function teamsOrganizer(sender: Sender): Organizer {
  const objectId = sender.from.aadObjectId;
  const { tenantId } = sender;
  if (typeof objectId !== 'string' || !GUID.test(objectId) || typeof tenantId !== 'string' || !GUID.test(tenantId)) {
    throw new MeetNowError('identity_missing', 'the activity has no Entra object id or tenant id for the sender');
  }
  const name = sender.from.name;
  return {
    objectId: objectId.toLowerCase(),
    tenantId: tenantId.toLowerCase(),
    displayName: typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined,
  };
}
