/**
 * A card as an activity carries it (the Bot Framework schema's `Attachment`: `contentType` and `content`),
 * kept plain so that card code needs no botbuilder types; bot code sends it unchanged.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#attachment-object
 */
export interface CardAttachment {
  contentType: string;
  content: Record<string, unknown>;
}
