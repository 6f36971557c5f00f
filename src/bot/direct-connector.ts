import type { Activity, ResourceResponse } from 'botbuilder';
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import { MeetNowError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/http-client';
import { parseRetryAfter } from '../http/retry';
import { isRecord } from '../guards';
import { displayName } from '../commands/subject';

/**
 * The Bot Connector calls of every reply (send, reply-to, update), made over MeetNow's own keep-alive pool.
 * botbuilder's ConnectorClient runs each one through an Azure SDK pipeline (mapper serialization, a dozen
 * policies, node:http): under load that was a sixth of a `/meet` turn. This sends the same URL (same
 * encoding), the activity as JSON (MeetNow's activities hold only schema fields) and `Authorization` from
 * the same Bot Framework credentials. Its pool takes HTTPS_PROXY / HTTP_PROXY as configured, as botbuilder's
 * pipeline did. It makes one request: a refused or throttled reply is MeetingDelivery's to retry (in the
 * background, on one schedule and budget), so no Retry-After is ever waited out inside a turn.
 */
export class DirectConnector {
  constructor(private readonly http: HttpClient) {}

  /** Credentials this connector can sign with; other kinds stay with botbuilder's own client. */
  static supports(credentials: unknown): credentials is AppCredentials {
    return credentials instanceof AppCredentials;
  }

  /** `POST …/activities/{replyToId}` when the activity answers one, else `POST …/activities`. */
  async send(credentials: AppCredentials, serviceUrl: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    const base = activitiesUrl(serviceUrl, activity);
    const url = activity.replyToId === undefined || activity.replyToId === '' ? base : `${base}/${encodeURIComponent(activity.replyToId)}`;
    return this.call('POST', url, credentials, activity);
  }

  /** `PUT …/activities/{id}`: replaces a message the bot sent (a clicked card). */
  async update(credentials: AppCredentials, serviceUrl: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    if (activity.id === undefined || activity.id === '') throw new MeetNowError('bot_connector', 'an update needs the id of the activity it replaces');
    return this.call('PUT', `${activitiesUrl(serviceUrl, activity)}/${encodeURIComponent(activity.id)}`, credentials, activity);
  }

  private async call(method: 'POST' | 'PUT', url: string, credentials: AppCredentials, activity: Partial<Activity>): Promise<ResourceResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: '*/*' };
    // As botbuilder's AppCredentials.signRequest: no app id (local mode: `MicrosoftAppCredentials.Empty` has
    // none at all, whatever its type says) or an anonymous skill sends no token.
    const appId: unknown = credentials.appId;
    if (typeof appId === 'string' && appId !== '' && appId !== AuthenticationConstants.AnonymousSkillAppId) {
      headers.authorization = `Bearer ${await credentials.getToken()}`;
    }
    const body = JSON.stringify(withNamesShortened(activity));
    const response = await this.sendOnce({ method, url, headers, body });
    if (response.status >= 200 && response.status < 300) return resourceResponse(response.body);
    const reason = connectorError(response.body);
    const said = [reason.code, reason.message].filter((part) => part !== undefined && part !== '').join(' ');
    throw new MeetNowError('bot_connector', `${method} ${new URL(url).host} answered ${response.status}${said === '' ? '' : `: ${said}`}`, {
      status: response.status,
      connectorCode: reason.code,
      // A throttled reply: the delivery's next try waits at least this long.
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()),
    });
  }

  /**
   * One request, opened a second time at once when the connection failed before any answer (a keep-alive
   * socket the server had just closed, a refused connect), as botbuilder's pipeline did: the Bot Connector
   * never saw it, so this posts nothing twice. A timed-out request is not made again: the Bot Connector may
   * have posted it. Either way a failure is the Bot Connector's.
   */
  private async sendOnce(req: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.http.send(req);
      } catch (error) {
        const timedOut = error instanceof MeetNowError && error.message.includes('timed out');
        if (attempt >= 2 || timedOut) throw new MeetNowError('bot_connector', `the Bot Connector could not be reached: ${(error as Error).message}`, { cause: error });
      }
    }
  }
}

/**
 * The activity with `from` and `recipient` names as cards show them. botbuilder copies them from the request
 * (`recipient` is the sender), a client can send a name of any length, and Teams counts the whole activity
 * against its 100 KB message limit (413 MessageSizeTooBig otherwise:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages).
 */
function withNamesShortened(activity: Partial<Activity>): Partial<Activity> {
  const shorten = <T extends { name?: string }>(account: T | undefined): T | undefined =>
    account === undefined || typeof account.name !== 'string' ? account : { ...account, name: displayName(account.name) };
  return { ...activity, from: shorten(activity.from), recipient: shorten(activity.recipient) };
}

function activitiesUrl(serviceUrl: string, activity: Partial<Activity>): string {
  const conversationId = activity.conversation?.id;
  if (conversationId === undefined || conversationId === '') throw new MeetNowError('bot_connector', 'the activity has no conversation id');
  return `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
}

/** `{ "id": … }` when the channel returns one (Teams does; some channels answer 202 with no body). */
function resourceResponse(body: string): ResourceResponse {
  if (body === '') return { id: '' };
  try {
    const parsed: unknown = JSON.parse(body);
    return { id: isRecord(parsed) && typeof parsed.id === 'string' ? parsed.id : '' };
  } catch {
    return { id: '' };
  }
}

/**
 * The Bot Connector's `{ "error": { "code", "message" } }` (Teams documents its codes in "Status codes from bot
 * conversational APIs", https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis).
 */
function connectorError(body: string): { code?: string; message?: string } {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
    if (error === undefined) return {};
    return {
      code: typeof error.code === 'string' && error.code !== '' ? error.code.slice(0, 100) : undefined,
      message: typeof error.message === 'string' ? error.message.slice(0, 300) : undefined,
    };
  } catch {
    return {};
  }
}
