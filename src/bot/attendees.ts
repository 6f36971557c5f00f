import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReadMentions } from '../commands/mentions';
import { messagesFor, type Messages } from '../i18n/messages';
import type { Attendee, Organizer } from '../meetings/meeting';
import { readerContext } from './reader-context';
import type { Roster, RosterMember } from './roster';
import { GUID } from '../guards';
import { displayName } from '../commands/subject';

/** The most attendees one meeting gets from a channel or chat; beyond it the card says so. */
export const ATTENDEE_CAP = 250;
/** Members per roster request (Teams serves 50 to 500). */
export const ROSTER_PAGE_SIZE = 100;
/**
 * Roster pages read at most for one `--channel`: enough for ATTENDEE_CAP people and two pages of bots and
 * guests more. Pages of nobody invitable would otherwise be read without end.
 */
export const ROSTER_PAGE_CAP = Math.ceil(ATTENDEE_CAP / ROSTER_PAGE_SIZE) + 2;
/** Distinct people @mentioned in one message that are looked up; no real invitation names more. */
export const MENTION_CAP = 50;
/** Roster look-ups of mentioned people in flight at once (each is one Bot Connector request, with its retries). */
export const LOOKUP_CONCURRENCY = 4;

export interface Invitation {
  attendees: Attendee[];
  /** One line for the meeting card: who was invited. */
  summary?: string;
  /** Things the sender should know: people not found, the cap, tags. */
  notes: string[];
}

export const NO_INVITATION: Invitation = { attendees: [], notes: [] };

/** The sentences about an invitation, worded for a channel or a chat, in the reader's language. */
function invitationWords(m: Messages, inChannel: boolean) {
  const pick = <K extends string>(channel: K, chat: K) => (inChannel ? channel : chat);
  return {
    notFound: (names: string[]) => m.t(pick('invite.notFoundChannel', 'invite.notFoundChat'), { names: m.list(names.map(displayName)) }),
    rosterFailed: () => m.t(pick('invite.rosterFailedChannel', 'invite.rosterFailedChat')),
    capped: (cap: number) => m.t(pick('invite.cappedChannel', 'invite.cappedChat'), { cap }),
    mentionsCapped: (cap: number) => m.t('invite.mentionsCapped', { cap }),
    rosterStopped: (count: number) => m.t(pick('invite.rosterStoppedChannel', 'invite.rosterStoppedChat'), { count }),
    nobody: () => m.t(pick('invite.nobodyChannel', 'invite.nobodyChat')),
    tags: (tags: string[]) => m.t('invite.tags', { tags: m.list(tags.map((tag) => `@${displayName(tag)}`)) }),
    everyone: (count: number) =>
      m.t(pick('invite.everyoneChannel', 'invite.everyoneChat'), { count: m.plural('invite.people.one', 'invite.people.other', count) }),
    list: (names: string[]) => m.t('invite.list', { names: m.list(names.map(displayName)) }),
    colleague: () => m.t('invite.colleague'),
  };
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
  const words = invitationWords(messagesFor(readerContext(context.activity).locale), context.activity.conversation?.conversationType === 'channel');
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
    byObjectId.set(objectId, { objectId, userPrincipalName: member.userPrincipalName, email: member.email, displayName: member.name });
    return true;
  };

  const missing: string[] = [];
  const mentioned = mentions.people.slice(0, Math.min(cap, MENTION_CAP));
  const looked = await mapConcurrently(mentioned, LOOKUP_CONCURRENCY, async (person) => {
    try {
      return { person, member: await roster.member(context, person.id) };
    } catch (error) {
      log.warn({ err: error, memberId: person.id }, 'roster lookup failed');
      return { person, member: undefined };
    }
  });
  for (const { person, member } of looked) {
    if (member === undefined || !add({ ...member, name: member.name ?? person.name })) missing.push(person.name);
  }
  if (missing.length > 0) {
    notes.push(words.notFound(missing));
  }
  if (mentions.people.length > mentioned.length) {
    notes.push(words.mentionsCapped(mentioned.length));
  }

  // A failed roster read means only the mentioned people were invited: the summary must not say "everyone".
  let failed = false;
  let stopped = false;
  if (mentions.everyone) {
    let pagesRead = 0;
    let membersRead = 0;
    try {
      for await (const page of roster.pages(context, ROSTER_PAGE_SIZE)) {
        pagesRead += 1;
        membersRead += page.members.length;
        for (const member of page.members) add(member);
        if (exceeded) break;
        if (page.more && pagesRead >= ROSTER_PAGE_CAP) {
          stopped = true;
          break;
        }
      }
    } catch (error) {
      failed = true;
      log.warn({ err: error }, 'roster paging failed');
      notes.push(words.rosterFailed());
    }
    if (exceeded) {
      notes.push(words.capped(cap));
    } else if (stopped) {
      log.warn({ pages: pagesRead, members: membersRead }, 'roster paging stopped at the page cap');
      notes.push(words.rosterStopped(membersRead));
    } else if (!failed && byObjectId.size === 0) {
      notes.push(words.nobody());
    }
  }
  if (mentions.tags.length > 0) {
    notes.push(words.tags(mentions.tags));
  }

  const attendees = [...byObjectId.values()];
  const summary =
    attendees.length === 0
      ? undefined
      : mentions.everyone && !exceeded && !failed && !stopped
        ? words.everyone(attendees.length)
        : words.list(attendees.map((attendee) => attendee.displayName ?? attendee.userPrincipalName ?? words.colleague()));
  log.info({ attendees: attendees.length, everyone: mentions.everyone, capped: exceeded, mentions: mentions.people.length, lookedUp: mentioned.length }, 'attendees resolved');
  return { attendees, summary, notes };
}

/** `work` over `items` with at most `limit` running at once; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
