import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReadMentions } from '../commands/mentions';
import type { Attendee, Organizer } from '../meetings/meeting';
import type { Roster, RosterMember } from './roster';

/** The most attendees one meeting gets from a channel or chat; beyond it the card says so. */
export const ATTENDEE_CAP = 250;
/** Members per roster request (Teams serves 50 to 500). */
export const ROSTER_PAGE_SIZE = 100;

export interface Invitation {
  attendees: Attendee[];
  /** One line for the meeting card: who was invited. */
  summary?: string;
  /** Things the sender should know: people not found, the cap, tags. */
  notes: string[];
}

export const NO_INVITATION: Invitation = { attendees: [], notes: [] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function placeOf(context: TurnContext): string {
  return context.activity.conversation?.conversationType === 'channel' ? 'channel' : 'chat';
}

export function listNames(names: string[], max = 8): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} others`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The attendees a `/meet` message asks for: each @mentioned person, and with a channel/team mention or
 * `--channel` every member of the conversation (paged, at most `cap`), looked up in the Teams roster
 * for their Entra object ids. The organizer and bots are left out. Roster failures never stop the
 * meeting: they become a note.
 */
export async function resolveInvitation(
  context: TurnContext,
  mentions: ReadMentions,
  organizer: Organizer,
  roster: Roster,
  log: Logger,
  cap = ATTENDEE_CAP,
): Promise<Invitation> {
  if (context.activity.channelId !== 'msteams') return NO_INVITATION;
  if (mentions.people.length === 0 && !mentions.everyone && mentions.tags.length === 0) return NO_INVITATION;
  const place = placeOf(context);
  const notes: string[] = [];
  const byObjectId = new Map<string, Attendee>();
  let exceeded = false;
  const add = (member: RosterMember): boolean => {
    const objectId = member.objectId?.toLowerCase();
    if (objectId === undefined || !GUID.test(objectId) || member.id.startsWith('28:')) return false;
    if (objectId === organizer.objectId || byObjectId.has(objectId)) return true;
    if (byObjectId.size >= cap) {
      exceeded = true;
      return true;
    }
    byObjectId.set(objectId, { objectId, userPrincipalName: member.userPrincipalName, displayName: member.name });
    return true;
  };

  const missing: string[] = [];
  const looked = await Promise.all(
    mentions.people.slice(0, cap).map(async (person) => {
      try {
        return { person, member: await roster.member(context, person.id) };
      } catch (error) {
        log.warn({ err: error, memberId: person.id }, 'roster lookup failed');
        return { person, member: undefined };
      }
    }),
  );
  for (const { person, member } of looked) {
    if (member === undefined || !add({ ...member, name: member.name ?? person.name })) missing.push(person.name);
  }
  if (missing.length > 0) {
    notes.push(`I couldn't invite ${listNames(missing)}: I didn't find ${missing.length === 1 ? 'them' : 'these people'} among the members of this ${place}.`);
  }

  if (mentions.everyone) {
    let failed = false;
    try {
      for await (const page of roster.pages(context, ROSTER_PAGE_SIZE)) {
        for (const member of page) add(member);
        if (exceeded) break;
      }
    } catch (error) {
      failed = true;
      log.warn({ err: error }, 'roster paging failed');
      notes.push(`I couldn't read the member list of this ${place}, so only the people you mentioned were invited.`);
    }
    if (exceeded) {
      notes.push(`This ${place} has more than ${cap} members: I invited the first ${cap}, the most MeetNow invites at once. Everyone here can still join with the button.`);
    } else if (!failed && byObjectId.size === 0) {
      notes.push(`There's nobody else in this ${place} to invite.`);
    }
  }
  if (mentions.tags.length > 0) {
    notes.push(`I can't invite the members of a tag (${listNames(mentions.tags.map((tag) => `@${tag}`))}): mention the people, or add --channel to invite everyone here.`);
  }

  const attendees = [...byObjectId.values()];
  const summary =
    attendees.length === 0
      ? undefined
      : mentions.everyone && !exceeded
        ? `Invited: everyone in this ${place} (${attendees.length} ${attendees.length === 1 ? 'person' : 'people'})`
        : `Invited: ${listNames(attendees.map((attendee) => attendee.displayName ?? attendee.userPrincipalName ?? 'a colleague'))}`;
  log.info({ attendees: attendees.length, everyone: mentions.everyone, capped: exceeded }, 'attendees resolved');
  return { attendees, summary, notes };
}
