import type { Activity } from 'botbuilder';
import { MicrosoftAppCredentials } from 'botframework-connector';
import { DirectConnector } from '../../src/bot/direct-connector';
import { MeetNowError } from '../../src/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/http/http-client';

/** Records each request and answers from a script (the last answer repeats). */
class ScriptedHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly answers: HttpResponse[]) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    return (this.answers.length > 1 ? this.answers.shift() : this.answers[0]) as HttpResponse;
  }

  async close(): Promise<void> {}
}

class FixedToken extends MicrosoftAppCredentials {
  override async getToken(): Promise<string> {
    return 'outbound-token';
  }
}

const ok = (body = '{"id":"1:reply"}'): HttpResponse => ({ status: 200, headers: {}, body });
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const activity = (extra: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  text: 'hi',
  conversation: { id: '19:abc@thread.tacv2;messageid=42', isGroup: true, conversationType: 'channel', name: 'General' },
  ...extra,
});

describe('DirectConnector: the Bot Connector calls of a reply', () => {
  it('replies to an activity: POST …/activities/{replyToId}, ids URL-encoded, the activity as JSON, no token without an app id', async () => {
    const http = new ScriptedHttp([ok()]);
    const response = await new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity({ replyToId: '1:in/put' }));
    expect(response).toEqual({ id: '1:reply' });
    const [request] = http.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities/1%3Ain%2Fput');
    expect(JSON.parse(request?.body ?? '')).toEqual(activity({ replyToId: '1:in/put' }));
    expect(request?.headers).not.toHaveProperty('authorization');
  });

  it('starts a new thread without replyToId, and signs with the bot credentials when the bot has an app id', async () => {
    const http = new ScriptedHttp([ok()]);
    await new DirectConnector(http).send(new FixedToken('0b5c8a2e-5a7e-4a34-9b49-7ad4b6e2f2d1', 'secret'), SERVICE_URL, activity());
    expect(http.requests[0]?.url).toBe('https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities');
    expect(http.requests[0]?.headers?.authorization).toBe('Bearer outbound-token');
  });

  it('updates a sent card: PUT …/activities/{id}; an update without an id is refused before any call', async () => {
    const http = new ScriptedHttp([ok()]);
    const connector = new DirectConnector(http);
    await connector.update(MicrosoftAppCredentials.Empty, SERVICE_URL, activity({ id: 'card-1' }));
    expect(http.requests[0]).toMatchObject({ method: 'PUT', url: expect.stringMatching(/\/activities\/card-1$/) });
    await expect(connector.update(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).rejects.toThrow(MeetNowError);
    expect(http.requests).toHaveLength(1);
  });

  it('a channel that answers 202 without a body gives an empty id', async () => {
    const http = new ScriptedHttp([{ status: 202, headers: {}, body: '' }]);
    expect(await new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).toEqual({ id: '' });
  });

  it('makes one request: a throttled answer is the delivery\'s to retry (in the background), never waited out here', async () => {
    const http = new ScriptedHttp([{ status: 429, headers: { 'retry-after': '0' }, body: '' }, ok()]);
    await expect(new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).rejects.toMatchObject({ status: 429, retryAfterMs: 0 });
    expect(http.requests).toHaveLength(1);
  });

  it('a refusal is final and says why: coded error with the status and the Bot Connector reason', async () => {
    const body = JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    const http = new ScriptedHttp([{ status: 403, headers: {}, body }]);
    const failure = new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity());
    await expect(failure).rejects.toMatchObject({
      code: 'bot_connector',
      status: 403,
      message: 'POST smba.trafficmanager.net answered 403: BotNotInConversationRoster The bot is not part of the conversation roster.',
      connectorCode: 'BotNotInConversationRoster',
    });
    expect(http.requests).toHaveLength(1);
  });

  it('a Retry-After travels with the error, so a later try waits as asked', async () => {
    const body = JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests.' } });
    const http = new ScriptedHttp([{ status: 429, headers: { 'retry-after': '120' }, body }]);
    await expect(new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).rejects.toMatchObject({
      status: 429,
      connectorCode: 'Throttled',
      retryAfterMs: 120_000,
    });
    expect(http.requests).toHaveLength(1);
  });

  it('sends a sender name of any length back no longer than the cards show it', async () => {
    const http = new ScriptedHttp([ok()]);
    const name = 'Heidi '.repeat(10_000);
    await new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity({ recipient: { id: '29:1heidi', name } }));
    const sent = JSON.parse(http.requests[0]?.body ?? '{}') as { recipient: { id: string; name: string } };
    expect(sent.recipient.id).toBe('29:1heidi');
    expect(Array.from(sent.recipient.name).length).toBeLessThanOrEqual(128);
    expect(sent.recipient.name.startsWith('Heidi Heidi')).toBe(true);
  });

  it('a service that stays down is asked once', async () => {
    const http = new ScriptedHttp([{ status: 503, headers: {}, body: 'busy' }]);
    await expect(new DirectConnector(http).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).rejects.toMatchObject({ status: 503 });
    expect(http.requests).toHaveLength(1);
  });

  it('a failed connection is tried once more; a timed-out request is not (it may have been posted); both fail as the Bot Connector', async () => {
    const reset = new MeetNowError('network', 'POST smba.trafficmanager.net failed: ECONNRESET other side closed');
    const flaky: HttpClient = {
      send: jest.fn<Promise<HttpResponse>, [HttpRequest]>().mockRejectedValueOnce(reset).mockResolvedValueOnce(ok()),
      close: async () => undefined,
    };
    expect(await new DirectConnector(flaky).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).toEqual({ id: '1:reply' });
    expect(flaky.send).toHaveBeenCalledTimes(2);

    const slow: HttpClient = {
      send: jest.fn<Promise<HttpResponse>, [HttpRequest]>().mockRejectedValue(new MeetNowError('network', 'POST smba.trafficmanager.net failed: timed out after 10000 ms')),
      close: async () => undefined,
    };
    await expect(new DirectConnector(slow).send(MicrosoftAppCredentials.Empty, SERVICE_URL, activity())).rejects.toMatchObject({ code: 'bot_connector' });
    expect(slow.send).toHaveBeenCalledTimes(1);
  });

  it('only Bot Framework app credentials are taken over; anything else stays with botbuilder', () => {
    expect(DirectConnector.supports(MicrosoftAppCredentials.Empty)).toBe(true);
    expect(DirectConnector.supports({ signRequest: async (resource: unknown) => resource })).toBe(false);
    expect(DirectConnector.supports(undefined)).toBe(false);
  });
});
