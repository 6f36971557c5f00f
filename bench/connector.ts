/**
 * The fake Bot Connector, in its own process like the real one: accepts what a bot posts to
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`, counts it, and tells the benchmark (over
 * IPC) when the replies it waits for have all arrived.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { epochMs, type ConnectorCounts, type ConnectorReply, type ConnectorRequest, type ReplyKind } from './lib/ipc';

const counts: ConnectorCounts = { calls: 0, messages: 0, cards: 0 };
interface Waiter {
  id: number;
  kind: ReplyKind;
  count: number;
  timer: NodeJS.Timeout;
}
let waiters: Waiter[] = [];
let nextReplyId = 0;

function send(reply: ConnectorReply): void {
  process.send?.(reply);
}

function settle(waiter: Waiter, reached: boolean): void {
  clearTimeout(waiter.timer);
  waiters = waiters.filter((w) => w !== waiter);
  send({ type: 'answer', id: waiter.id, counts: { ...counts }, reached, at: epochMs() });
}

function checkWaiters(): void {
  for (const waiter of waiters) {
    if ((waiter.kind === 'card' ? counts.cards : counts.messages) >= waiter.count) settle(waiter, true);
  }
}

function record(body: string): void {
  counts.calls += 1;
  let activity: { type?: unknown; attachments?: unknown };
  try {
    activity = JSON.parse(body) as typeof activity;
  } catch {
    return;
  }
  if (activity.type !== 'message') return;
  counts.messages += 1;
  if (Array.isArray(activity.attachments) && activity.attachments.some((a: { contentType?: unknown }) => a.contentType === 'application/vnd.microsoft.card.adaptive')) {
    counts.cards += 1;
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const isActivity = /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '');
    if (isActivity) record(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(isActivity ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${++nextReplyId}` }));
    if (isActivity && waiters.length > 0) checkWaiters();
  });
}

const server = createServer(handle);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  send({ type: 'ready', serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/teams/` });
});

process.on('message', (message: ConnectorRequest) => {
  switch (message.cmd) {
    case 'reset':
      counts.calls = 0;
      counts.messages = 0;
      counts.cards = 0;
      send({ type: 'answer', id: message.id, counts: { ...counts } });
      return;
    case 'counts':
      send({ type: 'answer', id: message.id, counts: { ...counts } });
      return;
    case 'wait': {
      const waiter: Waiter = { id: message.id, kind: message.kind, count: message.count, timer: setTimeout(() => settle(waiter, false), message.timeoutMs) };
      waiters.push(waiter);
      checkWaiters();
      return;
    }
  }
});
// The benchmark going away ends this process too.
process.on('disconnect', () => process.exit(0));
