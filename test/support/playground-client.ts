import { WebSocket } from 'undici';

type Json = Record<string, unknown>;

export interface PlaygroundMessage {
  action: string;
  actionConversationId: string;
  message: { messageId: string; from: { id: string }; text?: string; attachments?: Array<{ contentType: string; content: Json }> };
}

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: { id: string; name: string; aadObjectId: string };
  users: Array<{ id: string; name: string; aadObjectId: string; userPrincipleName: string }>;
  personalChat: { id: string };
  groupChats: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string; channels: Array<{ id: string; name: string }> }>;
}

/**
 * Talks to Microsoft 365 Agents Playground through its own API, as its web page does: messages go in with
 * `POST /_conversation/v1/conversations/{id}/messages`, card clicks and the compose box with `/_conversation/v1/invoke` and
 * `/_conversation/v1/submit`, and everything shown in the chat comes back on the conversation WebSocket.
 */
export class PlaygroundClient {
  readonly received: PlaygroundMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    readonly url: string,
    private readonly socket: WebSocket,
  ) {}

  static async connect(url: string): Promise<PlaygroundClient> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    const client = new PlaygroundClient(url, socket);
    socket.addEventListener('message', (event) => {
      const parsed = JSON.parse(String(event.data)) as PlaygroundMessage;
      if (typeof parsed.action === 'string' && parsed.message !== undefined) client.received.push(parsed);
      const waiters = client.waiters;
      client.waiters = [];
      for (const wake of waiters) wake();
    });
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error('the Playground WebSocket did not open')));
    });
    return client;
  }

  async config(): Promise<PlaygroundConfig> {
    const response = await fetch(`${this.url}/_internal/v1/config`);
    return ((await response.json()) as { config: PlaygroundConfig }).config;
  }

  /** Speaks as a user; `mentions` as the Playground takes them (it turns them into mention entities). */
  async say(conversationId: string, from: string, text: string, mentions: Array<{ id: string; text: string }> = []): Promise<string> {
    const response = await fetch(`${this.url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: { id: from },
        text,
        textFormat: 'plain',
        ...(mentions.length === 0 ? {} : { mentions: mentions.map((mention) => ({ mentioned: { id: mention.id }, text: mention.text })) }),
      }),
    });
    if (!response.ok) throw new Error(`the Playground refused the message: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { messageId: string }).messageId;
  }

  /** Clicks an `Action.Execute` button: the Playground sends the `adaptiveCard/action` invoke and returns the bot's answer. */
  async execute(conversationId: string, from: string, replyToId: string, verb: string, data: Json): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        from: { id: from },
        conversation: { id: conversationId },
        replyToId,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  /**
   * Uses a messaging extension's action command as the Playground's "Message extension" panel does: it sends
   * `composeExtension/fetchTask` or `composeExtension/submitAction` with `value`, and returns the bot's
   * `task` or `composeExtension` answer.
   */
  async messagingExtension(name: 'composeExtension/fetchTask' | 'composeExtension/submitAction', conversationId: string, from: string, value: Json): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${this.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, from: { id: from }, conversation: { id: conversationId }, value }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  /** Clicks an `Action.Submit` button. */
  async submit(conversationId: string, from: string, replyToId: string, data: Json): Promise<number> {
    const response = await fetch(`${this.url}/_conversation/v1/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: from }, conversation: { id: conversationId }, replyToId, value: data }),
    });
    return response.status;
  }

  /** Installs the app in a conversation (the Playground sends installationUpdate and conversationUpdate). */
  async install(conversationId: string): Promise<number> {
    const response = await fetch(`${this.url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return response.status;
  }

  /** Waits for a message from the bot in a conversation that matches, received after `since` messages. */
  async nextFromBot(botId: string, conversationId: string, matches: (message: PlaygroundMessage) => boolean = () => true, since = 0, timeoutMs = 15_000): Promise<PlaygroundMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received
        .slice(since)
        // A channel message starts a thread: the bot answers in `<channel>;messageid=<root>`.
        .find((message) => message.actionConversationId.split(';')[0] === conversationId && message.message.from.id === botId && matches(message));
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message from the bot in ${conversationId} (received ${JSON.stringify(this.received.map((m) => [m.action, m.actionConversationId, m.message.from.id]))})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

export function cardOrUndefined(message: PlaygroundMessage): Json | undefined {
  return message.message.attachments?.find((candidate) => candidate.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

export function cardIn(message: PlaygroundMessage): Json {
  const attachment = message.message.attachments?.find((candidate) => candidate.contentType === 'application/vnd.microsoft.card.adaptive');
  if (attachment === undefined) throw new Error(`no Adaptive Card in ${JSON.stringify(message.message)}`);
  return attachment.content;
}
