import { useHarness, type Harness } from '../support/harness';
import { startMeetingSubmit } from '../support/card-actions';
import { teamsMessage } from '../support/teams-activity';

/**
 * What a user sees when the Bot Connector refuses a reply the way Teams documents it ("Status codes from bot
 * conversational APIs", https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis),
 * through the real server: the fake Bot Connector answers each refusal with Teams' status, code and headers.
 */
describe('the Bot Connector refuses a reply', () => {
  let h: Harness;
  // One background retry, 50 ms after the first try (production: five, over about half a minute).
  useHarness((harness) => (h = harness), { meetNow: { timing: { deliveryRetryDelaysMs: [50] } } });

  const isCard = (activity: Record<string, unknown>) => Array.isArray(activity.attachments) && activity.attachments.length > 0;
  const outcome = (name: string) => h.logs.lines.filter((line) => line.outcome === name);
  const joinUrl = () => (h.emulator.meetings()[0]?.resource as { joinWebUrl?: string } | undefined)?.joinWebUrl ?? '';

  async function meet(subject: string): Promise<string> {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: `/meet ${subject}` });
    expect((await h.post(activity)).status).toBe(200);
    return (activity.conversation as { id: string }).id;
  }

  it('403 BotNotInConversationRoster (the bot was removed): one try, a warning that names it, the meeting logged', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Removed meanwhile' });
    h.connector.removedFrom.add((activity.conversation as { id: string }).id);
    expect((await h.post(activity)).status).toBe(200);
    await h.connector.waitFor(() => outcome('bot_not_in_conversation').length === 1);
    expect(outcome('bot_not_in_conversation')[0]).toMatchObject({ level: 40, connectorCode: 'BotNotInConversationRoster', joinUrl: joinUrl() });
    // Not retried: Teams says a removed bot must wait for its reinstallation.
    expect(h.connector.refused.map((call) => [call.status, call.code])).toEqual([[403, 'BotNotInConversationRoster']]);
    expect(outcome('reply_undelivered')).toEqual([]);
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it('404 ConversationNotFound (the chat is gone): one try, a warning that names it', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet Deleted chat' });
    h.connector.unknownConversations.add((activity.conversation as { id: string }).id);
    expect((await h.post(activity)).status).toBe(200);
    await h.connector.waitFor(() => outcome('conversation_not_found').length === 1);
    expect(outcome('conversation_not_found')[0]).toMatchObject({ level: 40, connectorCode: 'ConversationNotFound', joinUrl: joinUrl() });
    expect(h.connector.refused.map((call) => [call.status, call.code])).toEqual([[404, 'ConversationNotFound']]);
  });

  it('413 MessageSizeTooBig for the meeting card: the meeting arrives as text with its join link', async () => {
    // Teams' limit is 100 KB; MeetNow's cards are far smaller, so the limit is lowered below this card's size.
    h.connector.maxMessageBytes = 4 * 1024;
    const conversationId = await meet('Too big a card');
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length === 1);
    const reply = h.connector.messagesTo(conversationId)[0]?.activity ?? {};
    expect(isCard(reply)).toBe(false);
    expect(String(reply.text)).toContain(joinUrl());
    expect(String(reply.text)).toContain('Too big a card');
    expect(h.connector.refused.map((call) => [call.status, call.code])).toEqual([[413, 'MessageSizeTooBig']]);
    expect(outcome('card_too_large')[0]).toMatchObject({ level: 40 });
    expect(outcome('reply_undelivered')).toEqual([]);
  });

  it('429 Throttled with Retry-After: 1 → the card arrives once, after waiting what the Bot Connector asked', async () => {
    h.connector.throttle(1, 1);
    const conversationId = await meet('Throttled once');
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length === 1);
    expect(isCard(h.connector.messagesTo(conversationId)[0]?.activity ?? {})).toBe(true);
    expect(h.connector.refused.map((call) => [call.status, call.code])).toEqual([[429, 'Throttled']]);
    expect(h.logs.lines.filter((line) => line.msg === 'throttled: retrying')).toEqual([expect.objectContaining({ status: 429, waitMs: 1000 })]);
    expect(h.emulator.meetings()).toHaveLength(1);
  });

  it('429 with a Retry-After longer than MeetNow will wait: retrying ends at once and the meeting is logged with its join URL', async () => {
    h.connector.throttle(20, 120);
    await meet('Throttled for minutes');
    await h.connector.waitFor(() => outcome('reply_undelivered').length === 1);
    expect(outcome('reply_undelivered')[0]).toMatchObject({ level: 50, joinUrl: joinUrl() });
    // One request: neither the connector's own retries nor the background delivery hammer a throttled service.
    expect(h.connector.refused).toHaveLength(1);
    expect(h.connector.messages).toHaveLength(0);
  });

  it('the Start card was deleted before the click: the meeting card is posted as a new message', async () => {
    const conversationId = await meet('').then(() => h.connector.messages[0]?.conversationId ?? '');
    const startCard = h.connector.messages[0];
    expect(startCard === undefined ? false : isCard(startCard.activity)).toBe(true);
    h.connector.deleteMessage(conversationId, startCard?.id ?? '');
    const click = startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, conversationId, cardActivityId: startCard?.id ?? '', data: { subject: 'After the delete' } });
    expect((await h.post(click)).status).toBe(200);
    await h.connector.waitFor(() => h.connector.messagesTo(conversationId).length === 2);
    expect(h.connector.refused.map((call) => [call.method, call.status, call.code])).toEqual([['PUT', 404, 'ActivityNotFoundInConversation']]);
    const posted = h.connector.messagesTo(conversationId)[1];
    expect(posted?.method).toBe('POST');
    expect(JSON.stringify(posted?.activity.attachments)).toContain(joinUrl());
    expect(h.emulator.meetings()).toHaveLength(1);
  });
});
