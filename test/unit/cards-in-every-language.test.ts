import type { TurnContext } from 'botbuilder';
import pino from 'pino';
import { resolveInvitation } from '../../src/bot/attendees';
import { errorText, helpText, subjectTooLongText, usageHint, whenProblemText } from '../../src/bot/replies';
import type { Roster, RosterMember, RosterPage } from '../../src/bot/roster';
import { welcomeIfInstalled, WelcomeMemory } from '../../src/bot/welcome';
import { CardRenderer } from '../../src/cards/card-renderer';
import { formatDateTime } from '../../src/cards/format';
import { meetingHeroCard, meetingText, startMeetingHeroCard } from '../../src/cards/text-reply';
import { MeetNowError, type ErrorCode } from '../../src/errors';
import { CATALOGS, MESSAGE_KEYS, SUPPORTED_LANGUAGES } from '../../src/i18n/catalog';
import { messagesFor, type MessageKey } from '../../src/i18n/messages';
import type { Meeting } from '../../src/meetings/meeting';

/**
 * Every card and reply, rendered in every language: nothing English where a translation exists, no
 * placeholder left unfilled, no raw ISO date.
 */
const renderer = new CardRenderer();
const LOCALES: Readonly<Record<string, string>> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' };

const withDialIn: Meeting = {
  id: 'm1',
  subject: 'Roadmap',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0',
  startDateTime: '2026-11-24T09:00:00Z',
  endDateTime: '2026-11-24T09:45:00Z',
  dialIn: { tollNumbers: ['+1 425-555-0100'], tollFreeNumbers: ['+18666390588'], conferenceId: '2425999', participantPasscode: '9911', dialinUrl: 'https://dialin.teams.microsoft.com/x?id=1' },
  joinMeetingId: '123456789012',
  passcode: 'aB3dE6',
  created: true,
};
const withoutDialIn: Meeting = { ...withDialIn, dialIn: undefined, joinMeetingId: undefined, passcode: undefined };

type Json = Record<string, unknown>;
/** Every string a person reads or hears in a card. */
function words(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(words);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Json;
  const own = ['text', 'title', 'label', 'placeholder', 'fallbackText', 'speak', 'subtitle'].flatMap((key) => (typeof record[key] === 'string' ? [record[key] as string] : []));
  return [...own, ...Object.values(record).flatMap(words)];
}

/** English pieces (between placeholders) that the language translates differently: none may show. */
function englishLeftovers(language: string): string[] {
  if (language === 'en') return [];
  const english = CATALOGS.en as Record<string, string>;
  const translated = CATALOGS[language] as Record<string, string>;
  const everything = Object.values(translated).join('\n');
  return MESSAGE_KEYS.filter((key) => english[key] !== translated[key])
    .flatMap((key) => (english[key] ?? '').split(/\{\w+\}|\n/))
    .map((piece) => piece.replace(/^[\s\-*:.,()"“”]+|[\s\-*:.,()"“”]+$/g, ''))
    .filter((piece) => /[A-Za-z]{4}/.test(piece) && !everything.includes(piece));
}

function expectLocalized(language: string, texts: string[]): void {
  const all = texts.join('\n');
  expect(all).not.toMatch(/\$\{/);
  expect(all).not.toMatch(/\{(?:name|organizer|time|url|subject|phrase|zone|count|cap|names|tags|items|prefix|length|max|support|requestId|senderId)\}/);
  expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  for (const piece of englishLeftovers(language)) expect([piece, all.includes(piece)]).toEqual([piece, false]);
}

class FakeRoster implements Roster {
  async member(_context: TurnContext, id: string): Promise<RosterMember | undefined> {
    return id === '29:megan' ? { id, name: 'Megan Bowen', objectId: '11111111-1111-4111-8111-111111111111' } : undefined;
  }
  async *pages(): AsyncIterable<RosterPage> {
    yield { members: [], more: true };
    throw new Error('roster down');
  }
}

function fakeContext(activity: Json, sent: unknown[] = []): TurnContext {
  return { activity, sendActivity: async (reply: unknown) => void sent.push(reply) } as unknown as TurnContext;
}

describe.each(SUPPORTED_LANGUAGES)('every card and reply in %s', (language) => {
  const locale = LOCALES[language] as string;
  const m = messagesFor(locale);
  const reader = { locale, timeZone: 'Europe/Berlin' };

  it('meeting card with dial-in, meeting ID, invitations (mentioned) and notes', async () => {
    const invitation = await resolveInvitation(
      fakeContext({ channelId: 'msteams', locale, conversation: { id: 'c', conversationType: 'channel' } }),
      { text: 'Roadmap', people: [{ id: '29:megan', name: 'Megan Bowen' }, { id: '29:sam', name: 'Sam Stranger' }], everyone: true, tags: ['Designers'] },
      { objectId: '22222222-2222-4222-8222-222222222222', tenantId: 't' },
      new FakeRoster(),
      pino({ level: 'silent' }),
    );
    expect(invitation.notes).toHaveLength(3);
    const card = renderer.meetingCard({
      meeting: withDialIn,
      organizerName: 'Heidi Steen',
      invited: invitation.invited,
      notes: invitation.notes,
      scheduled: true,
      ...reader,
    });
    const texts = words(card.content);
    expectLocalized(language, texts);
    for (const key of ['meeting.kind', 'meeting.joinByPhone', 'meeting.toll', 'meeting.conferenceId', 'meeting.findLocalNumber', 'meeting.joinWithId', 'meeting.meetingId', 'meeting.join', 'meeting.organizer', 'meeting.ends'] as const) {
      expect(texts.join('\n')).toContain(m.t(key).trim());
    }
    expect(texts).toContain(formatDateTime(withDialIn.startDateTime, locale, 'Europe/Berlin'));
    expect(texts).toContain(formatDateTime(withDialIn.endDateTime, locale, 'Europe/Berlin'));
    expect(texts).toContain(m.t('invite.list', { names: '<at>Megan Bowen</at>' }));
  });

  it('meeting card of a meeting started now, in the organizer’s calendar, with everyone invited', () => {
    const everyone = m.t('invite.everyoneChannel', { count: m.plural('invite.people.one', 'invite.people.other', 7) });
    const texts = words(renderer.meetingCard({ meeting: { ...withDialIn, eventId: 'e1' }, organizerName: 'Heidi Steen', invited: { everyone }, ...reader }).content);
    expectLocalized(language, texts);
    expect(texts).toContain(m.t('meeting.now'));
    expect(texts).toContain(formatDateTime(withDialIn.endDateTime, locale, 'Europe/Berlin'));
    expect(texts).toContain(m.t('meeting.inCalendarInvited', { organizer: 'Heidi Steen', names: everyone }));
    expect(texts.join('\n')).not.toContain(m.t('meeting.organizer').trim());
  });

  it('meeting card without dial-in', () => {
    const texts = words(renderer.meetingCard({ meeting: withoutDialIn, organizerName: 'Heidi Steen', ...reader }).content);
    expectLocalized(language, texts);
    expect(texts).toContain(m.t('meeting.noDialIn'));
  });

  it('a scheduled meeting card offers its organizer "Cancel meeting"; the cancelled card says who cancelled it when', () => {
    const scheduled = renderer.meetingCard({ meeting: { ...withDialIn, eventId: 'AAMkAGI2' }, organizerName: 'Heidi Steen', organizerId: '550fae72-d251-43ec-868c-373732c2704f', scheduled: true, ...reader });
    expect(words(scheduled.content)).toContain(m.t('cancel.button'));
    const cancelled = words(renderer.cancelledMeetingCard({ subject: 'Roadmap', cancelledBy: 'Heidi Steen', cancelledAt: new Date('2026-11-24T08:59:00Z'), calendar: true, ...reader }).content);
    expectLocalized(language, cancelled);
    expect(cancelled).toEqual(expect.arrayContaining([m.t('cancel.title'), 'Roadmap', m.t('cancel.attendeesNotified')]));
    expect(cancelled).toContain(m.t('cancel.cancelledBy', { name: 'Heidi Steen', time: formatDateTime('2026-11-24T08:59:00Z', locale, 'Europe/Berlin') }));
  });

  it('what a cancel click is told', () => {
    const texts = ['onlyTheOrganizer', 'inProgress', 'alreadyCancelled', 'alreadyGone'].map((key) => m.t(`cancel.${key}` as MessageKey));
    texts.push(m.t('cancel.onlyOrganizer', { name: 'Heidi Steen' }), m.t('cancel.comment', { name: 'Heidi Steen' }), m.t('cancel.failed', { support: '' }), m.t('cancel.refused', { support: '' }));
    expectLocalized(language, texts);
  });

  it('"Start meeting now" card with its date, time and duration inputs', () => {
    const content = renderer.startMeetingCard({ defaultSubject: m.t('start.defaultSubject', { name: 'Heidi' }), cardId: 'c1', locale }).content as Json;
    const texts = words(content);
    expectLocalized(language, texts);
    for (const key of ['start.title', 'start.subject', 'start.date', 'start.time', 'start.duration', 'start.button', 'start.when'] as const) expect(texts).toContain(m.t(key));
  });

  it('welcome card, personal and in a channel', async () => {
    for (const conversationType of ['personal', 'channel']) {
      const sent: Array<{ attachments: Array<{ content: unknown }> }> = [];
      const activity = { type: 'installationUpdate', action: 'add', channelId: 'msteams', locale, from: { id: '29:h', name: 'Heidi' }, recipient: { id: '28:bot' }, conversation: { id: `c-${conversationType}`, conversationType } };
      await welcomeIfInstalled(fakeContext(activity, sent), renderer, new WelcomeMemory());
      const texts = words(sent[0]?.attachments[0]?.content);
      expectLocalized(language, texts);
      expect(texts).toContain(m.t('welcome.title'));
    }
  });

  it('Slack text reply, hero cards and the start offer', () => {
    for (const meeting of [withDialIn, withoutDialIn]) {
      const view = { meeting, organizerName: 'Ann <admin>', scheduled: true, invited: { people: [{ objectId: 'o1', displayName: 'Megan <Bowen>' }] }, notes: ['Sam <x>'], ...reader };
      const text = meetingText(view, 'slack');
      expectLocalized(language, [text, ...words(meetingHeroCard(view, 'slack').content)]);
      expect(text).toContain('Ann &lt;admin&gt;');
      expect(text).toContain(`<${meeting.joinUrl}|`);
      expect(text).toContain(m.t('invite.list', { names: 'Megan &lt;Bowen&gt;' }));
      expect(text).toContain('Sam &lt;x&gt;');
    }
    // The card's order: join, when, dial-in, meeting ID, who was invited.
    const text = meetingText({ meeting: { ...withDialIn, eventId: 'e1' }, organizerName: 'Ann', invited: { people: [{ objectId: 'o1', displayName: 'Megan' }] }, ...reader }, 'slack');
    const order = [withDialIn.joinUrl, m.t('meeting.now'), m.t('meeting.joinByPhoneLine', { items: '' }), m.t('meeting.joinWithIdLine', { items: '' }), m.t('meeting.inCalendarInvited', { organizer: 'Ann', names: 'Megan' })];
    const at = order.map((piece) => text.indexOf(piece));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expectLocalized(language, words(startMeetingHeroCard('Ann <b>', 'slack', locale).content));
  });

  it('help, hints and every error', () => {
    const errors = ['identity_missing', 'identity_unmapped', 'identity_unverifiable', 'tenant_not_allowed', 'rate_limited', 'tenant_rate_limited', 'graph_access_policy', 'graph_permission_missing', 'graph_calendar_access_denied', 'graph_mailbox_not_found', 'directory_permission_missing', 'graph_organizer_not_found', 'graph_organizer_not_eligible', 'graph_throttled', 'token_invalid_client', 'token_consent_missing', 'token_tenant_not_found', 'token_scope_invalid', 'token_failed', 'network', 'internal'];
    const context = { graphAppId: 'app-id', authorityHost: 'https://login.microsoftonline.com' };
    const texts = [
      helpText(m),
      usageHint(m),
      subjectTooLongText(300, m),
      ...(['no-time', 'past', 'nonexistent-time', 'repeated-time', 'bad-duration'] as const).map((problem) => whenProblemText(problem, 'x', reader)),
      ...errors.map((code) => errorText(new MeetNowError(code as ErrorCode, 'x', { requestId: 'req-1' }), context, 't', '29:x', m)),
    ];
    expectLocalized(language, texts);
    // PowerShell stays literal in every language.
    expect(texts.join('\n')).toContain('Grant-CsApplicationAccessPolicy -PolicyName MeetNow-Policy -Global');
  });
});

describe('translations', () => {
  // Words that are the same in both languages.
  const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = { fr: ['start.date'] };
  it.each(SUPPORTED_LANGUAGES.filter((language) => language !== 'en'))('%s copies no English text (an untranslated key would slip past the leftover check)', (language) => {
    const english = CATALOGS.en as Record<string, string>;
    const translated = CATALOGS[language] as Record<string, string>;
    const copied = MESSAGE_KEYS.filter((key) => english[key] === translated[key]);
    expect(copied).toEqual(SAME_AS_ENGLISH[language] ?? []);
  });
});
