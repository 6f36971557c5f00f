/**
 * Who sent a turn, as the channel reported it: what organizer resolution reads, built from the activity in
 * src/bot/ so that identity code needs no botbuilder types. Values are unchecked (`unknown` where a client
 * could send anything); the resolver validates them.
 */
export interface Sender {
  channelId: string | undefined;
  from: { id: unknown; name: unknown; aadObjectId: unknown };
  /** `conversation.tenantId`, else Teams' `channelData.tenant.id`. */
  tenantId: unknown;
}
