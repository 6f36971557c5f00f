import type { Activity } from 'botbuilder';
import { meetRoutes, turnInput, type MeetHandlers, type Turn } from '../../src/bot/meet-routes';
import { route, Router } from '../../src/bot/router';

describe('Router', () => {
  const router = new Router<number, string[]>([
    route('negative', (n: number) => n < 0, async (said: string[]) => void said.push('negative')),
    route('even', (n: number) => (n % 2 === 0 ? n / 2 : undefined), async (said: string[], half: number) => void said.push(`half is ${half}`)),
    route('any', () => true, async (said: string[]) => void said.push('any')),
  ]);

  it('hands the first route that selects an input what its select found', async () => {
    const said: string[] = [];
    const selected = router.select(-4);
    expect(selected?.name).toBe('negative');
    await selected?.run(said);
    await router.select(8)?.run(said);
    await router.select(7)?.run(said);
    expect(said).toEqual(['negative', 'half is 4', 'any']);
  });

  it('takes 0 and the empty string as matches; only undefined and false mean "not mine"', async () => {
    const said: string[] = [];
    await router.select(0)?.run(said);
    expect(said).toEqual(['half is 0']);
    const text = new Router<string, string[]>([route('echo', (s: string) => s, async (out: string[], s: string) => void out.push(`[${s}]`))]);
    await text.select('')?.run(said);
    expect(said).toEqual(['half is 0', '[]']);
  });

  it('selects nothing when no route takes the input', () => {
    expect(new Router<number, string[]>([]).select(1)).toBeUndefined();
  });
});

describe("MeetNow's routes", () => {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (_turn: Turn, ...args: unknown[]) =>
      void calls.push([name, ...args]);
  const handlers: MeetHandlers = {
    welcome: record('welcome'),
    help: record('help'),
    usage: record('usage'),
    subjectTooLong: record('subjectTooLong'),
    whenInvalid: record('whenInvalid'),
    startForm: record('startForm'),
    meet: record('meet'),
    startMeetingClick: record('startMeetingClick'),
    cancelMeetingClick: record('cancelMeetingClick'),
    unknownSubmit: record('unknownSubmit'),
    unknownVerb: record('unknownVerb'),
    composeForm: record('composeForm'),
    composeSubmit: record('composeSubmit'),
    composeUnknownCommand: record('composeUnknownCommand'),
    unhandledInvoke: record('unhandledInvoke'),
  };
  const router = new Router(meetRoutes(handlers));
  const noted: string[] = [];
  // The handlers above never look at the turn; the routes only note the text command in its trace.
  const turn = { trace: { note: (kind: string) => noted.push(kind) } } as unknown as Turn;
  beforeEach(() => {
    calls.length = 0;
    noted.length = 0;
  });

  function activity(fields: Partial<Activity>): Activity {
    return { channelId: 'msteams', conversation: { id: 'c1' }, from: { id: 'u1', name: 'Heidi Steen' }, recipient: { id: 'bot' }, ...fields } as Activity;
  }
  const message = (text: string) => activity({ type: 'message', text });
  const execute = (verb: string, data: Record<string, unknown> = {}) =>
    activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });

  async function answer(of: Activity): Promise<{ route?: string; call?: unknown[] }> {
    const selected = router.select(turnInput(of));
    await selected?.run(turn);
    return { route: selected?.name, call: calls[0] };
  }

  it.each([
    ['/meet Quarterly numbers', 'meet'],
    ['/meet', 'meet-form'],
    ['help', 'help'],
    ['what can you do?', 'unknown'],
    ['/meet tomorrow 25:00 Review', 'when-invalid'],
    ['/meet ' + 'x'.repeat(300), 'subject-too-long'],
  ])('routes the text %p to %p', async (text, expected) => {
    expect((await answer(message(text))).route).toBe(expected);
    expect(noted).toEqual([expected]);
  });

  it('hands the meet handler the parsed subject', async () => {
    const { call } = await answer(message('/meet Quarterly numbers'));
    expect(call?.[0]).toBe('meet');
    expect(call?.[1]).toEqual({ kind: 'meet', subject: 'Quarterly numbers' });
  });

  it('routes a "Start meeting now" click, as Action.Execute or as the Action.Submit fallback, to the one click handler', async () => {
    const executed = await answer(execute('startMeeting', { subject: 'Standup' }));
    expect(executed.route).toBe('startMeeting (Action.Execute)');
    expect(executed.call).toEqual(['startMeetingClick', { kind: 'start-meeting', subject: 'Standup' }, 'invoke']);
    calls.length = 0;
    const submitted = await answer(activity({ type: 'message', value: { action: 'startMeeting', subject: 'Standup' } }));
    expect(submitted.route).toBe('startMeeting (Action.Submit)');
    expect(submitted.call).toEqual(['startMeetingClick', { kind: 'start-meeting', subject: 'Standup' }, 'message']);
  });

  it('routes a "Cancel meeting" click, either way, to the cancel handler with the meeting it names', async () => {
    const data = { action: 'cancelMeeting', organizerId: '550fae72-d251-43ec-868c-373732c2704f', eventId: 'AAMk', meetingId: '', subject: 'Review' };
    const cancel = { kind: 'cancel-meeting', organizerId: data.organizerId, target: { kind: 'event', id: 'AAMk' }, subject: 'Review' };
    const executed = await answer(execute('cancelMeeting', data));
    expect(executed.route).toBe('cancelMeeting (Action.Execute)');
    expect(executed.call).toEqual(['cancelMeetingClick', cancel, 'invoke']);
    calls.length = 0;
    expect((await answer(activity({ type: 'message', value: data }))).call).toEqual(['cancelMeetingClick', cancel, 'message']);
    calls.length = 0;
    // Data it cannot read still reaches the handler, which answers it in words (as a start click's does).
    expect((await answer(activity({ type: 'message', value: { ...data, organizerId: 'me' } }))).call).toEqual(['cancelMeetingClick', { kind: 'unknown' }, 'message']);
  });

  it('answers unknown verbs, unknown card data and other invokes apart', async () => {
    expect((await answer(execute('archiveMeeting'))).call).toEqual(['unknownVerb', 'archiveMeeting']);
    expect((await answer(activity({ type: 'message', value: { action: 'dance' } }))).route).toBe('unknown card data');
    expect((await answer(activity({ type: 'invoke', name: 'composeExtension/query', value: {} }))).route).toBe('unhandled invoke');
  });

  it('routes the compose box: the form, from a message with its text as the subject; the submitted form; another command id', async () => {
    const fetchTask = (value: Record<string, unknown>) => activity({ type: 'invoke', name: 'composeExtension/fetchTask', value });
    expect((await answer(fetchTask({ commandId: 'startMeeting', commandContext: 'compose' }))).call).toEqual(['composeForm', undefined]);
    calls.length = 0;
    const fromMessage = fetchTask({ commandId: 'startMeeting', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: '<p>Budget &amp; <b>plan</b></p>' } } });
    expect((await answer(fromMessage)).call).toEqual(['composeForm', 'Budget & plan']);
    calls.length = 0;
    const submit = activity({ type: 'invoke', name: 'composeExtension/submitAction', value: { commandId: 'startMeeting', data: { subject: 'Standup', formId: 'f1' } } });
    expect((await answer(submit)).call).toEqual(['composeSubmit', { kind: 'submit', action: { kind: 'start-meeting', subject: 'Standup' }, formKey: 'f1', form: { subject: 'Standup', formId: 'f1' } }]);
    calls.length = 0;
    expect((await answer(fetchTask({ commandId: 'pollNow' }))).call).toEqual(['composeUnknownCommand']);
  });

  it('welcomes on install events and takes nothing else', async () => {
    expect((await answer(activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'MeetNow' }] }))).route).toBe('install');
    expect((await answer(activity({ type: 'installationUpdate', action: 'add' }))).route).toBe('install');
    expect((await answer(activity({ type: 'typing' }))).route).toBeUndefined();
    expect((await answer(activity({ type: 'messageReaction' }))).route).toBeUndefined();
  });
});
