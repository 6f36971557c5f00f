import { TurnContext, type Activity, type BotAdapter } from 'botbuilder';
import pino from 'pino';
import { StartMeeting } from '../../src/bot/start-meeting';
import type { Roster } from '../../src/bot/roster';
import { MeetNowError } from '../../src/errors';
import type { Organizer } from '../../src/meetings/meeting';
import type { MeetingOutcome, MeetingRequest, StartedMeeting } from '../../src/meetings/meeting-service';

const log = pino({ level: 'silent' });
const HEIDI: Organizer = { objectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', displayName: 'Heidi Steen' };
const STARTED: StartedMeeting = {
  meeting: { id: 'm1', subject: 'Quarterly numbers', joinUrl: 'https://teams.microsoft.com/l/meetup-join/m1', created: true },
  organizerName: 'Heidi Steen',
  startedAt: '2026-12-06T04:00:00.000Z',
};
const NO_MENTIONS = { text: '', people: [], everyone: false, tags: [] };
// Nobody is mentioned in these requests, so the roster is never asked.
const NO_ROSTER = {} as Roster;

/** The use case as a fake port: answers `outcome` (or throws it) and keeps the requests it was given. */
function meetings(outcome: MeetingOutcome | Error) {
  const requests: MeetingRequest[] = [];
  return {
    requests,
    startMeeting: async (request: MeetingRequest) => {
      requests.push(request);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  };
}

function turn(fields: Partial<Activity> = {}): TurnContext {
  const activity = { type: 'message', id: 'a1', channelId: 'msteams', conversation: { id: 'c1' }, from: { id: '29:1', name: 'Heidi Steen' }, ...fields } as Activity;
  // The handler only reads the activity and the turn's state; it never sends.
  return new TurnContext({} as BotAdapter, activity);
}

function starter(port: ReturnType<typeof meetings>, organizerOf: () => Promise<Organizer> = async () => HEIDI) {
  return new StartMeeting({ meetings: port, organizerOf, roster: NO_ROSTER });
}

describe('StartMeeting, from a /meet message', () => {
  it('books one meeting per message, keyed by the activity, and gives it a default subject when none was typed', async () => {
    const port = meetings({ kind: 'created', started: STARTED });
    const outcome = await starter(port).start(turn(), { source: 'text', subject: '', mentions: NO_MENTIONS, claim: 'taken' }, log);
    expect(outcome).toEqual({ kind: 'started', started: STARTED, created: true, scheduled: false, invitation: undefined });
    expect(port.requests).toHaveLength(1);
    expect(port.requests[0]).toMatchObject({ organizer: HEIDI, subject: "Heidi Steen's meeting", conversationId: 'c1', requestKey: 'activity:a1', claimed: true });
    expect(port.requests[0]?.remember).toBeUndefined();
  });

  it('answers nothing to a message taken before', async () => {
    const port = meetings({ kind: 'duplicate' });
    expect(await starter(port).start(turn(), { source: 'text', subject: 'Standup', mentions: NO_MENTIONS, claim: 'none' }, log)).toEqual({ kind: 'redelivered' });
  });

  it('refuses to stay silent when the redelivery check failed and the message then reads as taken', async () => {
    const port = meetings({ kind: 'duplicate' });
    const started = starter(port).start(turn(), { source: 'text', subject: 'Standup', mentions: NO_MENTIONS, claim: 'unknown' }, log);
    await expect(started).rejects.toMatchObject({ code: 'internal' });
  });

  it('passes a failing store on as it is', async () => {
    const port = meetings(new MeetNowError('network', 'dedupe store unreachable'));
    await expect(starter(port).start(turn(), { source: 'text', subject: 'Standup', mentions: NO_MENTIONS, claim: 'taken' }, log)).rejects.toMatchObject({ code: 'network' });
  });

  it('asks the use case nothing when the sender may not organize', async () => {
    const port = meetings({ kind: 'created', started: STARTED });
    const refused = async (): Promise<Organizer> => {
      throw new MeetNowError('tenant_not_allowed', 'tenant not allowed');
    };
    await expect(starter(port, refused).start(turn(), { source: 'text', subject: 'Standup', mentions: NO_MENTIONS, claim: 'taken' }, log)).rejects.toMatchObject({
      code: 'tenant_not_allowed',
    });
    expect(port.requests).toHaveLength(0);
  });
});

describe('StartMeeting, from a "Start meeting now" click', () => {
  const schedule = { start: new Date('2026-12-07T09:00:00Z'), end: new Date('2026-12-07T10:00:00Z') };

  it('books one meeting per card, whoever clicks, and remembers it for later clicks', async () => {
    const port = meetings({ kind: 'created', started: STARTED });
    const outcome = await starter(port).start(turn({ type: 'invoke', replyToId: 'card-message' }), { source: 'card', subject: 'Review', schedule, cardId: 'ignored' }, log);
    expect(outcome).toEqual({ kind: 'started', started: STARTED, created: true, scheduled: true });
    expect(port.requests[0]).toMatchObject({ subject: 'Review', schedule, requestKey: 'card:card-message', remember: true });
    expect(port.requests[0]?.claimed).toBeUndefined();
  });

  it('keys a click on a card without a message id by the card id', async () => {
    const port = meetings({ kind: 'created', started: STARTED });
    await starter(port).start(turn({ channelId: 'webchat' }), { source: 'card', subject: 'Review', cardId: 'card-7' }, log);
    expect(port.requests[0]?.requestKey).toBe('card:card-7');
  });

  it('shows a card clicked before its meeting again, or says it is being started', async () => {
    const again = await starter(meetings({ kind: 'duplicate', previous: STARTED })).start(turn(), { source: 'card', subject: 'Review' }, log);
    expect(again).toEqual({ kind: 'started', started: STARTED, created: false, scheduled: false });
    const inFlight = await starter(meetings({ kind: 'duplicate' })).start(turn(), { source: 'card', subject: 'Review' }, log);
    expect(inFlight).toEqual({ kind: 'being-started' });
  });
});
