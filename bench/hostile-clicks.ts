/**
 * Memory under hostile card clicks: every click on its own "Start meeting now" card, from a sender whose
 * name is 100 KB, as `Action.Execute` invokes. Each click books a meeting and is remembered for 24 hours
 * (for repeat clicks); the figure is the bot's RSS after all of them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { guidFor, makeUsers } from './lib/activity';
import { readMemory, type Memory, type Started } from './lib/proc';

export interface HostileClicksOptions {
  serviceUrl: string;
  runId: string;
  clicks: number;
  nameBytes: number;
  concurrency: number;
  /** Senders are spread over this many tenants, as an attacker with many trial tenants would. */
  tenants: number;
  /** Pause before the final reading, so that it is what stays rather than what is in flight. */
  settleMs: number;
}

export interface HostileClicksResult {
  before: Memory;
  /** Undefined when the bot did not survive them. */
  after?: Memory;
  /** Clicks answered with the meeting card. */
  cards: number;
  /** Clicks answered with anything else, or not at all. */
  other: number;
}

function clickBody(options: HostileClicksOptions, n: number): string {
  const tenantId = guidFor(`${options.runId}/hostile-tenant/${n % options.tenants}`);
  const [user] = makeUsers(`${options.runId}-hostile-${n}`, 1);
  const now = new Date().toISOString();
  return JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `f:hostile-${options.runId}-${n}`,
    timestamp: now,
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: user?.id, name: 'N'.repeat(options.nameBytes), aadObjectId: user?.aadObjectId },
    conversation: { conversationType: 'personal', id: user?.conversationId, tenantId },
    recipient: { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'MeetNow' },
    replyToId: `card-${options.runId}-${n}`,
    locale: 'en-US',
    channelData: { tenant: { id: tenantId } },
    value: { action: { type: 'Action.Execute', verb: 'startMeeting', data: { action: 'startMeeting', subject: `Hostile ${n}` } }, trigger: 'manual' },
  });
}

/** The process still runs (its exit may not have been reported to this one yet). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function hostileClicks(bot: Started, options: HostileClicksOptions): Promise<HostileClicksResult> {
  const pid = bot.child.pid as number;
  const before = readMemory(pid);
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 });
  let next = 0;
  let cards = 0;
  let other = 0;
  const worker = async () => {
    for (let n = next++; n < options.clicks; n = next++) {
      const answered = await request(`${bot.url}/api/messages`, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: clickBody(options, n),
      }).then(
        async (res) => res.statusCode === 200 && (await res.body.text()).includes('meetup-join'),
        () => false,
      );
      if (answered) cards += 1;
      else other += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  await agent.close();
  await sleep(options.settleMs);
  return { before, after: alive(pid) ? readMemory(pid) : undefined, cards, other };
}
