import { MAX_GRAPH_ID_LENGTH, parseCancelAction, parseCardAction } from '../../src/commands/parse-card-action';

const now = new Date('2026-03-27T10:00:00Z'); // a Friday; Europe/Berlin springs forward on Sunday the 29th
const berlin = { now, timeZone: 'Europe/Berlin', locale: 'de-DE' };
const click = (data: Record<string, unknown>) => parseCardAction({ action: 'startMeeting', subject: 'Plan', cardId: 'c1', ...data }, undefined, berlin);

describe('parseCardAction with the date, time and duration inputs', () => {
  it.each([
    ['empty inputs: now, no times', {}, undefined, undefined],
    ['the default duration alone: now, no times', { date: '', time: '', duration: '60' }, undefined, undefined],
    ['another duration alone: now for that long', { duration: 30 }, '2026-03-27T10:00:00.000Z', '2026-03-27T10:30:00.000Z'],
    ['a time alone: today in the clicker’s zone', { time: '15:00' }, '2026-03-27T14:00:00.000Z', '2026-03-27T15:00:00.000Z'],
    ['date and time after the DST change: summer offset', { date: '2026-03-30', time: '09:00', duration: '45' }, '2026-03-30T07:00:00.000Z', '2026-03-30T07:45:00.000Z'],
    ['Teams’ ISO date form', { date: '2026-03-30T00:00:00Z', time: '09:00:00' }, '2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z'],
  ])('%s', (_name, data, start, end) => {
    const action = click(data);
    expect(action.kind).toBe('start-meeting');
    if (action.kind !== 'start-meeting') return;
    expect(action.schedule?.start.toISOString()).toBe(start);
    expect(action.schedule?.end.toISOString()).toBe(end);
    expect(action).toMatchObject({ subject: 'Plan', cardId: 'c1' });
  });

  it.each([
    ['a skipped hour', { date: '2026-03-29', time: '02:30' }, { problem: 'nonexistent-time', phrase: '2026-03-29 02:30' }],
    ['a repeated hour', { date: '2026-10-25', time: '02:30' }, { problem: 'repeated-time', phrase: '2026-10-25 02:30' }],
    ['the past', { date: '2026-03-26', time: '09:00' }, { problem: 'past', phrase: '2026-03-26 09:00' }],
    ['a time earlier today', { time: '08:00' }, { problem: 'past', phrase: '08:00' }],
    ['a date without a time', { date: '2026-03-30' }, { problem: 'no-time', phrase: '2026-03-30' }],
    ['a zero duration', { time: '15:00', duration: '0' }, { problem: 'bad-duration', phrase: '0 min' }],
    ['a fractional duration', { duration: '1.5' }, { problem: 'bad-duration', phrase: '1.5 min' }],
    ['more than a day', { duration: 1441 }, { problem: 'bad-duration', phrase: '1441 min' }],
  ])('refuses %s', (_name, data, expected) => {
    expect(click(data)).toEqual({ kind: 'when-invalid', ...expected });
  });

  it.each([{ date: '2026-02-30', time: '09:00' }, { date: 'tomorrow', time: '09:00' }, { time: '25:00' }, { time: 9 }, { date: ['2026-03-30'] }])('malformed input %j is unknown, not a guess', (data) => {
    expect(click(data)).toEqual({ kind: 'unknown' });
  });

  it('without a clock, the inputs are not read (pure: no hidden Date.now)', () => {
    expect(parseCardAction({ action: 'startMeeting', subject: 'Plan', time: '15:00' })).toEqual({ kind: 'start-meeting', subject: 'Plan', cardId: undefined });
  });

  it('an unknown zone is UTC', () => {
    const action = parseCardAction({ action: 'startMeeting', time: '15:00' }, undefined, { now, timeZone: 'Mars/Olympus' });
    expect(action).toMatchObject({ kind: 'start-meeting', schedule: { start: new Date('2026-03-27T15:00:00Z') } });
  });
});

describe('parseCancelAction', () => {
  const HEIDI_ID = '550fae72-d251-43ec-868c-373732c2704f';
  const cancel = (data: Record<string, unknown>) => parseCancelAction({ action: 'cancelMeeting', organizerId: HEIDI_ID, subject: 'Design review', ...data });

  it('a calendar meeting is cancelled through its event, even when the card also names the meeting', () => {
    expect(cancel({ eventId: 'AAMkAGI2TGuLAAA=', meetingId: 'MSpk', organizerName: '  Heidi\u202e Steen ' })).toEqual({
      kind: 'cancel-meeting',
      organizerId: HEIDI_ID,
      organizerName: 'Heidi Steen',
      target: { kind: 'event', id: 'AAMkAGI2TGuLAAA=' },
      subject: 'Design review',
    });
  });

  it('a standalone meeting by its id; an empty eventId (as the card sends it) is no event', () => {
    expect(cancel({ eventId: '', meetingId: 'MSpk_Yz-E3+Nj/c0=' })).toMatchObject({ target: { kind: 'online-meeting', id: 'MSpk_Yz-E3+Nj/c0=' } });
  });

  it('the subject by the subject rules', () => {
    expect(cancel({ eventId: 'AAMk', subject: '  Design \n\u0007 review ' })).toMatchObject({ subject: 'Design review' });
  });

  it.each([
    ['no organizer', { organizerId: undefined, eventId: 'AAMk' }],
    ['an organizer that is no Entra object id', { organizerId: 'heidi@contoso.com', eventId: 'AAMk' }],
    ['neither id', { eventId: '', meetingId: '' }],
    ['an id with a path in it', { eventId: '../../messages/AAMk' }],
    ['an id with a query', { meetingId: 'AAMk?$select=body' }],
    ['an id that is not a string', { eventId: 42 }],
    ['an id longer than Graph makes them', { eventId: 'A'.repeat(MAX_GRAPH_ID_LENGTH + 1) }],
    ['a subject over the limit', { eventId: 'AAMk', subject: 'x'.repeat(257) }],
  ])('%s is unknown', (_name, data) => {
    expect(cancel(data)).toEqual({ kind: 'unknown' });
  });

  it('anything that is not an object is unknown', () => {
    for (const data of [undefined, null, 'cancel', [HEIDI_ID]]) expect(parseCancelAction(data)).toEqual({ kind: 'unknown' });
  });
});
