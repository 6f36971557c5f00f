import { CardFactory, type Attachment } from 'botbuilder';
import type { ChannelCapabilities } from '../channels/capabilities';
import type { MeetingCardView } from './card-renderer';
import { formatDateTime, telLink } from './format';

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
 * The meeting as a message for channels without Adaptive Cards (Slack): subject, organizer, start, the
 * join link and every dial-in item, in the channel's link format.
 */
export function meetingText(view: MeetingCardView, markup: Markup): string {
  const { meeting } = view;
  const lines = [`${bold('Teams meeting:', markup)} ${escapeText(meeting.subject, markup)}`, `Organizer: ${escapeText(view.organizerName, markup)}`];
  const start = formatDateTime(meeting.startDateTime, view.locale, view.timeZone);
  if (start !== '') lines.push(`Starts: ${start}`);
  lines.push(`${link(meeting.joinUrl, 'Join the meeting', markup)}`, `Join link: ${meeting.joinUrl}`);
  const dialIn = meeting.dialIn;
  if (dialIn === undefined) {
    lines.push('Dial-in is not available for this meeting.');
  } else {
    const phone = (number: string) => {
      const tel = telLink(number);
      return tel === '' ? number : link(tel, number, markup);
    };
    const items = [
      ...dialIn.tollNumbers.map((n) => `Toll ${phone(n)}`),
      ...dialIn.tollFreeNumbers.map((n) => `Toll-free ${phone(n)}`),
      ...(dialIn.conferenceId === undefined ? [] : [`Conference ID ${dialIn.conferenceId}`]),
      ...(dialIn.participantPasscode === undefined ? [] : [`Passcode ${dialIn.participantPasscode}`]),
      ...(dialIn.dialinUrl === undefined ? [] : [`Local numbers ${dialIn.dialinUrl}`]),
    ];
    lines.push(`Join by phone: ${items.join(' · ')}`);
  }
  const ids = [
    ...(meeting.joinMeetingId === undefined ? [] : [`Meeting ID ${meeting.joinMeetingId}`]),
    ...(meeting.passcode === undefined ? [] : [`Passcode ${meeting.passcode}`]),
  ];
  if (ids.length > 0) lines.push(ids.join(' · '));
  return lines.join('\n');
}

/** A hero card with an open-URL button: Azure Bot Service turns it into a Slack message with a button. */
export function meetingHeroCard(view: MeetingCardView, markup: Markup): Attachment {
  return CardFactory.heroCard(escapeText(view.meeting.subject, markup), undefined, [{ type: 'openUrl', title: 'Join meeting', value: view.meeting.joinUrl }]);
}

/** The "Start meeting now" offer where no card input exists: a button that sends `/meet <default subject>`. */
export function startMeetingHeroCard(defaultSubject: string, markup: Markup): Attachment {
  return CardFactory.heroCard('Start a Teams meeting', `Type /meet followed by a subject, or start "${escapeText(defaultSubject, markup)}" now.`, undefined, [
    { type: 'imBack', title: 'Start meeting now', value: `/meet ${defaultSubject}` },
  ]);
}
