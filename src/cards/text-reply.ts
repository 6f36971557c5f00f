import type { ChannelCapabilities } from '../channels/capabilities';
import { messagesFor } from '../i18n/messages';
import type { CardAttachment } from './attachment';
import type { MeetingCardView } from './card-renderer';
import { telLink } from './format';
import { invitationLine, meetingTimes, personName } from './meeting-lines';
import { displayName } from '../commands/subject';

type Markup = ChannelCapabilities['markup'];

/** User text shown literally: Slack's control characters, or every markdown metacharacter. */
export function escapeText(text: string, markup: Markup): string {
  if (markup === 'slack') return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function link(url: string, label: string, markup: Markup): string {
  return markup === 'slack' ? `<${url}|${escapeText(label, markup)}>` : `[${escapeText(label, markup)}](${url})`;
}

const bold = (text: string, markup: Markup) => (markup === 'slack' ? `*${text}*` : `**${text}**`);

/**
 * The meeting as a message for channels without Adaptive Cards (Slack), in the card's order: subject, the
 * join link, when, the organizer, every dial-in item, the meeting ID and passcode, who was invited.
 */
export function meetingText(view: MeetingCardView, markup: Markup): string {
  const { meeting } = view;
  const m = messagesFor(view.locale);
  const lines = [
    `${bold(m.t('text.title'), markup)} ${escapeText(meeting.subject, markup)}`,
    link(meeting.joinUrl, m.t('meeting.joinLink'), markup),
    `${m.t('meeting.joinLinkLabel')}${meeting.joinUrl}`,
  ];
  const times = meetingTimes(view, m);
  if (times.start !== '') lines.push(`${m.t('meeting.starts')}${times.start}`);
  if (times.end !== '') lines.push(`${m.t('meeting.ends')}${times.end}`);
  if (meeting.eventId === undefined) lines.push(`${m.t('meeting.organizer')}${escapeText(displayName(view.organizerName), markup)}`);
  const dialIn = meeting.dialIn;
  if (dialIn === undefined) {
    lines.push(m.t('meeting.noDialIn'));
  } else {
    const phone = (number: string) => {
      const tel = telLink(number);
      return tel === '' ? number : link(tel, number, markup);
    };
    const items = [
      ...dialIn.tollNumbers.map((n) => `${m.t('meeting.toll')} ${phone(n)}`),
      ...dialIn.tollFreeNumbers.map((n) => `${m.t('meeting.tollFree')} ${phone(n)}`),
      ...(dialIn.conferenceId === undefined ? [] : [`${m.t('meeting.conferenceId')} ${dialIn.conferenceId}`]),
      ...(dialIn.participantPasscode === undefined ? [] : [`${m.t('meeting.passcode')} ${dialIn.participantPasscode}`]),
      ...(dialIn.dialinUrl === undefined ? [] : [`${m.t('meeting.findLocalNumber')} ${dialIn.dialinUrl}`]),
    ];
    lines.push(m.t('meeting.joinByPhoneLine', { items: items.join(' · ') }));
  }
  const ids = [
    ...(meeting.joinMeetingId === undefined ? [] : [`${m.t('meeting.meetingId')} ${meeting.joinMeetingId}`]),
    ...(meeting.passcode === undefined ? [] : [`${m.t('meeting.passcode')} ${meeting.passcode}`]),
  ];
  if (ids.length > 0) lines.push(m.t('meeting.joinWithIdLine', { items: ids.join(' · ') }));
  const invitation = invitationLine(view, m, { person: (attendee) => escapeText(personName(attendee, m), markup), organizer: (name) => escapeText(name, markup) });
  if (invitation !== '') lines.push(invitation);
  lines.push(...(view.notes ?? []).map((note) => escapeText(note, markup)));
  return lines.join('\n');
}

interface HeroCard {
  title: string;
  text?: string;
  buttons: { type: 'openUrl' | 'imBack'; title: string; value: string }[];
}

/** https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#hero-card */
const heroCard = (content: HeroCard): CardAttachment => ({ contentType: 'application/vnd.microsoft.card.hero', content: { ...content } });

/** A hero card with an open-URL button: Azure Bot Service turns it into a Slack message with a button. */
export function meetingHeroCard(view: MeetingCardView, markup: Markup): CardAttachment {
  const m = messagesFor(view.locale);
  return heroCard({ title: escapeText(view.meeting.subject, markup), buttons: [{ type: 'openUrl', title: m.t('meeting.join'), value: view.meeting.joinUrl }] });
}

/** The "Start meeting now" offer where no card input exists: a button that sends `/meet <default subject>`. */
export function startMeetingHeroCard(defaultSubject: string, markup: Markup, locale?: string): CardAttachment {
  const m = messagesFor(locale);
  return heroCard({
    title: m.t('start.title'),
    text: m.t('start.textOffer', { subject: escapeText(defaultSubject, markup) }),
    buttons: [{ type: 'imBack', title: m.t('start.button'), value: `/meet ${defaultSubject}` }],
  });
}
