import { randomUUID } from 'node:crypto';
import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { CardRenderer, MeetingCardView } from '../cards/card-renderer';
import { meetingHeroCard, meetingText, startMeetingHeroCard } from '../cards/text-reply';
import { capabilitiesOf, type ChannelCapabilities } from '../channels/capabilities';
import type { CardAction } from '../commands/parse-card-action';
import type { WhenProblem } from '../commands/parse-when';
import type { MeetNowError } from '../errors';
import { messagesFor, type Messages } from '../i18n/messages';
import type { Meeting } from '../meetings/meeting';
import { readerContext } from './reader-context';
import {
  cardWhenProblemText,
  creatingText,
  defaultSubject,
  errorText,
  helpText,
  inProgressText,
  subjectTooLongText,
  usageHint,
  whenProblemText,
  type ReplyContext,
} from './replies';
import type { CardOutcome, Started } from './start-meeting';

/** What a card click is answered with (the meeting card, or words), the meeting it shows, and whether this click started it. */
export interface CardAnswer {
  answer: Attachment | string;
  meeting?: Meeting;
  created: boolean;
}

/** What one kind of card click says besides its answer: while the answer takes long, and (where it has its own words) on failure. */
export interface ClickWords {
  interim(activity: Partial<Activity>): string;
  failure?(error: MeetNowError, activity: Activity): string | undefined;
}

/** The reader's words, from the activity's locale. */
export function messagesOf(activity: Partial<Activity>): Messages {
  return messagesFor(readerContext(activity).locale);
}

/**
 * Turns what a turn came to into what one kind of channel shows. The words are the same everywhere; the
 * markup, the Start form and the meeting reply differ by what the channel renders (channels/capabilities.ts).
 * Each method takes the activity it answers, for the reader's language and time zone.
 */
export abstract class Presenter {
  constructor(
    protected readonly cards: CardRenderer,
    protected readonly capabilities: ChannelCapabilities,
    private readonly replyContext: ReplyContext,
  ) {}

  /** The "Start meeting now" form, for `/meet` with nothing after it. */
  abstract startForm(activity: Activity): Partial<Activity>;
  /** A meeting started by a message. */
  abstract meeting(started: Started, activity: Activity): Partial<Activity>;

  /** The same meeting in text only (with its join link), for a channel that refused the full reply as too large. */
  meetingInText(started: Started, activity: Activity): Partial<Activity> {
    return { text: meetingText(meetingView(started, activity), this.capabilities.markup) };
  }

  /**
   * Our replies are written in markdown for Teams. In Slack, bold is a single asterisk, and a message that
   * starts with `/` is a slash command for Slack itself, which Azure Bot Service has no documented way to
   * forward (https://learn.microsoft.com/azure/bot-service/bot-service-channel-connect-slack): an example
   * that starts with `/meet` reads `meet` there, which the bot takes as a message.
   */
  protected inMarkup(markdown: string): string {
    if (this.capabilities.markup !== 'slack') return markdown;
    return markdown.replace(/\*\*([^*]+)\*\*/g, '*$1*').replace(/`\/meet\b/g, '`meet');
  }

  help(activity: Activity): string {
    return this.inMarkup(helpText(messagesOf(activity)));
  }

  usage(activity: Activity): string {
    return this.inMarkup(usageHint(messagesOf(activity)));
  }

  whenProblem(problem: WhenProblem, phrase: string, activity: Activity): string {
    return this.inMarkup(whenProblemText(problem, phrase, readerContext(activity)));
  }

  subjectTooLong(length: number, activity: Activity): string {
    return subjectTooLongText(length, messagesOf(activity));
  }

  /** The interim message of a slow `/meet`. */
  creating(activity: Partial<Activity>): string {
    return creatingText(messagesOf(activity));
  }

  /** The interim answer of a slow click. */
  beingStarted(activity: Partial<Activity>): string {
    return inProgressText(messagesOf(activity));
  }

  error(error: MeetNowError, activity: Activity): string {
    const tenant = activity.conversation?.tenantId;
    return this.inMarkup(errorText(error, this.replyContext, typeof tenant === 'string' ? tenant : undefined, activity.from?.id, messagesOf(activity)));
  }

  /** Whether a click's answer replaces the clicked card (else it is posted as a new message). */
  replacesClickedCard(clicked: Activity): boolean {
    return clicked.replyToId !== undefined && this.capabilities.updatesMessages;
  }

  /** The answer to card data that starts nothing (the Action.Submit path answers it as a click, in plain words). */
  clickProblem(action: Exclude<CardAction, { kind: 'start-meeting' }>, activity: Activity): string {
    if (action.kind === 'subject-too-long') return subjectTooLongText(action.length, messagesOf(activity));
    if (action.kind === 'when-invalid') return cardWhenProblemText(action.problem, action.phrase, readerContext(activity));
    return usageHint(messagesOf(activity));
  }

  /** The answer to a "Start meeting now" click: the meeting card, or words when there is none (yet). */
  clickAnswer(outcome: CardOutcome, clicked: Activity): CardAnswer {
    if (outcome.kind === 'being-started') return { answer: inProgressText(messagesOf(clicked)), created: false };
    // A repeat click gets the meeting card only where it replaces the clicked card; elsewhere the card is
    // already in the conversation and a second one would read as a second meeting.
    const inPlace = clicked.type === ActivityTypes.Invoke || this.replacesClickedCard(clicked);
    if (!outcome.created && !inPlace) return { answer: messagesOf(clicked).t('start.alreadyStarted'), created: false };
    return { answer: this.meetingCard(outcome, clicked), meeting: outcome.started.meeting, created: outcome.created };
  }

  /** The meeting card alone, for the compose box to put into the message being written. */
  insertedCard(started: Started, activity: Activity): Attachment {
    return this.meetingCard(started, activity);
  }

  /** The Adaptive Card of a meeting. */
  protected meetingCard(started: Started, activity: Activity): Attachment {
    return this.cards.meetingCard(meetingView(started, activity));
  }
}

/** Teams (Universal Actions, cards updated in place), Web Chat and the Emulator (Action.Submit): Adaptive Cards. */
class AdaptiveCardPresenter extends Presenter {
  startForm(activity: Activity): Partial<Activity> {
    const { locale } = readerContext(activity);
    return { attachments: [this.cards.startMeetingCard({ defaultSubject: defaultSubject(activity.from?.name, messagesFor(locale)), cardId: randomUUID(), locale })] };
  }

  meeting(started: Started, activity: Activity): Partial<Activity> {
    return { attachments: [this.meetingCard(started, activity)] };
  }
}

/** Slack and channels MeetNow does not know: the details in the text, plus a hero card with the buttons. */
class TextPresenter extends Presenter {
  startForm(activity: Activity): Partial<Activity> {
    const { locale } = readerContext(activity);
    return { attachments: [startMeetingHeroCard(defaultSubject(activity.from?.name, messagesFor(locale)), this.capabilities.markup, locale)] };
  }

  meeting(started: Started, activity: Activity): Partial<Activity> {
    const view = meetingView(started, activity);
    return { text: meetingText(view, this.capabilities.markup), attachments: [meetingHeroCard(view, this.capabilities.markup)] };
  }
}

/** The presenter of each channel, by what it renders (one per set of capabilities). */
export class Presenters {
  private readonly byCapabilities = new Map<ChannelCapabilities, Presenter>();

  constructor(
    private readonly cards: CardRenderer,
    private readonly replyContext: ReplyContext,
  ) {}

  for(activity: Partial<Activity>): Presenter {
    const capabilities = capabilitiesOf(activity.channelId);
    let presenter = this.byCapabilities.get(capabilities);
    if (presenter === undefined) {
      presenter = capabilities.adaptiveCards ? new AdaptiveCardPresenter(this.cards, capabilities, this.replyContext) : new TextPresenter(this.cards, capabilities, this.replyContext);
      this.byCapabilities.set(capabilities, presenter);
    }
    return presenter;
  }
}

/** What the card and the text forms of the meeting show. */
function meetingView({ started, scheduled, invitation }: Started, activity: Activity): MeetingCardView {
  return {
    meeting: started.meeting,
    organizerName: started.organizerName,
    organizerId: started.organizerId,
    startedAt: started.startedAt,
    scheduled,
    invited: invitation?.invited,
    notes: invitation?.notes,
    ...readerContext(activity),
  };
}
