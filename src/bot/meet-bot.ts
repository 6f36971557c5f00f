import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type Attachment,
  type ConversationReference,
  type InvokeResponse,
} from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { Logger } from 'pino';
import type { CardRenderer } from '../cards/card-renderer';
import { meetingHeroCard, meetingText, startMeetingHeroCard } from '../cards/text-reply';
import { capabilitiesOf } from '../channels/capabilities';
import type { CardAction } from '../commands/parse-card-action';
import type { ReadMentions } from '../commands/mentions';
import { MAX_SUBJECT_LENGTH, normalizeSubject, shortenSubject, subjectLength } from '../commands/subject';
import { asMeetNowError, MeetNowError } from '../errors';
import type { OrganizerResolver } from '../identity/organizer-resolver';
import { activityRequestKey, type MeetingService, type StartedMeeting } from '../meetings/meeting-service';
import type { Meeting, MeetingSchedule, Organizer } from '../meetings/meeting';
import { SILENT_TURN_TELEMETRY, type TurnTelemetry } from '../ops/turn-telemetry';
import { AcknowledgeThenContinue, type TurnLine } from './acknowledge';
import { MeetingDelivery } from './meeting-delivery';
import { meetRoutes, turnInput, type ActivityClaim, type MeetHandlers } from './meet-routes';
import { Router } from './router';
import { resolveInvitation, type Invitation } from './attendees';
import { readerContext } from './reader-context';
import { TeamsRoster, type Roster } from './roster';
import { welcomeIfInstalled, WelcomeMemory } from './welcome';
import { observeTurn, traceOf } from './turn-trace';
import { messagesFor, type Messages } from '../i18n/messages';
import { cardWhenProblemText, creatingText, errorText, helpText, inProgressText, subjectTooLongText, usageHint, whenProblemText, type ReplyContext } from './replies';

export interface MeetBotOptions {
  meetings: MeetingService;
  organizers: OrganizerResolver;
  cards: CardRenderer;
  logger: Logger;
  replyContext: ReplyContext;
  /** The Teams roster (mentioned people and channel members → Entra ids); botbuilder's TeamsInfo by default. */
  roster?: Roster;
  /** Writes the one log line per turn (correlation id, outcome, durations) and counts turns. */
  telemetry?: TurnTelemetry;
  /** After this long the turn answers "creating your meeting…" and delivers the card later (Teams allows ~15 s). */
  acknowledgeAfterMs?: number;
  /** A typing indicator is shown when Graph takes longer than this. */
  typingAfterMs?: number;
  /** Delivers meeting replies with retries, so that a created meeting is never silently lost. */
  delivery?: MeetingDelivery;
  /** Conversations welcomed recently (its size is a metric). */
  welcomed?: WelcomeMemory;
}

/** What a card click is answered with (the meeting card, or words), the meeting it shows, and whether this click started it. */
interface CardAnswer {
  answer: Attachment | string;
  meeting?: Meeting;
  created: boolean;
}

/** The turn handler: extract → parse → use case → render → send. botbuilder stays in this folder. */
export class MeetBot {
  private readonly acknowledger: AcknowledgeThenContinue;
  private readonly roster: Roster;
  private readonly welcomed: WelcomeMemory;
  private readonly delivery: MeetingDelivery;

  constructor(private readonly options: MeetBotOptions) {
    this.acknowledger = new AcknowledgeThenContinue({
      acknowledgeAfterMs: options.acknowledgeAfterMs ?? 8_000,
      // Past 1.5 s: a meeting that comes sooner needs no indicator, and under load every early typing post doubles the Bot Connector traffic.
      typingAfterMs: options.typingAfterMs ?? 1_500,
    });
    this.roster = options.roster ?? new TeamsRoster();
    this.delivery = options.delivery ?? new MeetingDelivery();
    this.welcomed = options.welcomed ?? new WelcomeMemory();
  }

  readonly run = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const turn = { activityId: activity.id, channel: activity.channelId, activityType: activity.type, conversationType: activity.conversation?.conversationType };
    const trace = observeTurn(context, (this.options.telemetry ?? SILENT_TURN_TELEMETRY).start(turn));
    const log = this.options.logger.child({ correlationId: trace.correlationId, activityId: activity.id, channel: activity.channelId, conversationType: turn.conversationType });
    try {
      // Typing, reactions, message updates…: no route takes them, so nothing to answer or to remember for 24 hours.
      const selected = this.router.select(turnInput(activity));
      if (selected === undefined) return;
      // Teams redelivers when a bot is slow: an activity already taken gets no second answer of any kind.
      // (Invokes are answered in their HTTP response, so a repeated one is answered again, creating nothing.)
      // A failing dedupe store does not silence the bot: the message is answered (a meeting request still
      // needs its own claim to proceed, so nothing can be booked twice).
      const claim: ActivityClaim | 'repeat' = activity.type === ActivityTypes.Invoke ? 'none' : await this.claimActivity(activity, log);
      if (claim === 'repeat') {
        trace.duplicate('activity');
        log.info({ outcome: 'duplicate' }, 'redelivered activity ignored');
        return;
      }
      await selected.run({ context, log, claim, trace });
    } catch (error) {
      await this.replyWithError(context, asMeetNowError(error), log);
    } finally {
      if (!trace.deferred) trace.end();
    }
  };

  /** The redelivery check of a non-invoke activity: `repeat` when it was taken before. */
  private async claimActivity(activity: Activity, log: Logger): Promise<ActivityClaim | 'repeat'> {
    try {
      const fresh = await this.options.meetings.firstDelivery(activity.conversation.id, activity.id);
      if (!fresh) return 'repeat';
      return activity.id !== undefined && activity.id !== '' ? 'taken' : 'none';
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'dedupe store unavailable: answering without the redelivery check');
      return 'unknown';
    }
  }

  /** Resolves once every meeting still being delivered in the background has been delivered. */
  async drain(): Promise<void> {
    await this.acknowledger.drain();
    await this.delivery.drain();
  }

  /** The handlers of the routes (meet-routes.ts): each answers one kind of activity. */
  private readonly handlers: MeetHandlers = {
    welcome: ({ context }) => welcomeIfInstalled(context, this.options.cards, this.welcomed, this.roster),
    help: ({ context }) => context.sendActivity(inMarkup(helpText(messagesOf(context.activity)), context.activity)),
    usage: ({ context }) => context.sendActivity(inMarkup(usageHint(messagesOf(context.activity)), context.activity)),
    subjectTooLong: ({ context }, command) => context.sendActivity(subjectTooLongText(command.length, messagesOf(context.activity))),
    whenInvalid: ({ context }, command) => context.sendActivity(inMarkup(whenProblemText(command.problem, command.phrase, readerContext(context.activity)), context.activity)),
    startForm: ({ context }) => context.sendActivity({ attachments: [this.startCard(context.activity)] }),
    meet: (turn, command, mentions) => this.startFromMessage(turn.context, command, turn.log, mentions, turn.claim),
    startMeetingClick: ({ context, log }, action, via) => (via === 'invoke' ? this.onExecute(context, action, log) : this.onSubmit(context, action, log)),
    // What the Action.Submit path answers to card data it cannot read: the same words as a click's.
    unknownSubmit: ({ context }) => context.sendActivity(usageHint(messagesOf(context.activity))),
    unknownVerb: ({ context }, verb) =>
      this.sendInvokeResponse(context, {
        status: 200,
        body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `Unknown verb "${verb}"` } },
      }),
    unhandledInvoke: ({ context }) => this.sendInvokeResponse(context, { status: 501 }),
  };

  private readonly router = new Router(meetRoutes(this.handlers));

  /** Action.Submit fallback of the "Start meeting now" card: replace that card in place. */
  private async onSubmit(context: TurnContext, action: CardAction, log: Logger): Promise<void> {
    const activity = context.activity;
    const answer = this.answerCardSafely(context, action, log);
    await this.deliverWhenReady(context, answer, log, (result, turn) => this.showClickAnswer(turn, activity, result, log), (turn) =>
      turn.sendActivity(inProgressText(messagesOf(turn.activity))),
    );
  }

  /**
   * Teams waits about 15 s for the invoke's answer: past the acknowledgement delay it gets "being started"
   * now, and the card is replaced in place once the meeting exists.
   */
  private async onExecute(context: TurnContext, action: CardAction, log: Logger): Promise<void> {
    const activity = context.activity;
    const answer = this.answerCardSafely(context, action, log);
    await this.deliverWhenReady(
      context,
      answer,
      log,
      (result, turn, late) => (late ? this.showClickAnswer(turn, activity, result, log) : this.answerInvoke(turn, activity, result, log)),
      (turn) => this.sendInvokeResponse(turn, invokeAnswer(inProgressText(messagesOf(turn.activity)))),
    );
  }

  /**
   * The answer to a quick `Action.Execute` click. Teams shows an invoke-response card to the clicker alone
   * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards),
   * so the clicked card's own message is updated for everyone in the conversation (DESIGN §4); the invoke is
   * still answered with the card. Only the click that started the meeting updates it (a channel clicking at
   * once costs one update, not one per click); an update that fails leaves the clicker's card and is logged.
   */
  private async answerInvoke(turn: TurnContext, clicked: Activity, result: CardAnswer, log: Logger): Promise<void> {
    if (result.created && clicked.replyToId !== undefined && capabilitiesOf(clicked.channelId).updatesMessages) await this.showClickAnswer(turn, clicked, result, log);
    await this.sendInvokeResponse(turn, invokeAnswer(result.answer));
  }

  /** The click's answer in the conversation; a meeting card goes through the one retry layer, so that it is never lost silently. */
  private async showClickAnswer(turn: TurnContext, clicked: Activity, { answer, meeting }: CardAnswer, log: Logger): Promise<void> {
    if (typeof answer === 'string' || meeting === undefined) await showCardAnswer(turn, clicked, answer);
    else await this.delivery.deliver(turn, (to) => showCardAnswer(to, clicked, answer), meeting, log);
  }

  /** A card click's answer, failures turned into words (the click is answered either way). */
  private answerCardSafely(context: TurnContext, action: CardAction, log: Logger): Promise<CardAnswer> {
    const activity = context.activity;
    const trace = traceOf(context);
    return this.answerCardAction(context, action, log).catch((error: unknown) => {
      const coded = asMeetNowError(error);
      trace?.fail(coded);
      this.logFailure(coded, log);
      return { answer: this.errorWords(coded, activity), created: false };
    });
  }

  private async startFromMessage(
    context: TurnContext,
    command: { subject: string; schedule?: MeetingSchedule },
    log: Logger,
    mentions: ReadMentions,
    claim: ActivityClaim,
  ): Promise<void> {
    const activity = context.activity;
    const trace = traceOf(context);
    // Everything that may wait on the network (a user-principal-name lookup, roster paging, Graph) runs
    // under the acknowledgement deadline, so Teams always has its HTTP answer in time.
    const work = (async () => {
      const organizer = await this.organizerFor(activity);
      // Looked up only for a request the use case admits: a refused flood costs no roster calls.
      let invitation: Invitation | undefined;
      const outcome = await this.options.meetings.startMeeting({
        organizer,
        // `/meet tomorrow 9:00` names no subject: the same default as the Start card's.
        subject: command.subject === '' ? defaultSubject(organizer.displayName, messagesOf(activity)) : command.subject,
        schedule: command.schedule,
        language: readerContext(activity).locale,
        attendees: async () => (invitation = await resolveInvitation(context, mentions, organizer, this.roster, log)).attendees,
        conversationId: activity.conversation.id,
        requestKey: activityRequestKey(activity.id || randomUUID()),
        claimed: claim === 'taken',
        observer: trace,
      });
      // The store failed on the redelivery check, maybe after taking the key: "already taken" then cannot
      // tell a redelivery from this very message, so the sender is told to try again rather than nothing.
      if (outcome.kind === 'duplicate' && claim === 'unknown') {
        throw new MeetNowError('internal', 'the dedupe store failed on the redelivery check and then found the message taken: not booked');
      }
      return { outcome, invitation };
    })();
    await this.deliverWhenReady(context, work, log, async ({ outcome: result, invitation }, turn) => {
      if (result.kind === 'duplicate') {
        traceOf(turn)?.duplicate('activity');
        log.info({ outcome: 'duplicate' }, 'redelivered activity ignored');
        return;
      }
      traceOf(turn)?.meeting(result.started.meeting.created);
      const scheduled = command.schedule !== undefined;
      await this.delivery.deliver(
        turn,
        (to) => to.sendActivity(this.meetingReply(result.started, to.activity, invitation, scheduled)),
        result.started.meeting,
        log,
        (to) => to.sendActivity({ text: meetingText(meetingView(result.started, to.activity, scheduled), capabilitiesOf(to.activity.channelId).markup) }),
      );
    });
  }


  /** The card answer to a "Start meeting now" click: the meeting card, or words when there is none (yet). */
  private async answerCardAction(context: TurnContext, action: CardAction, log: Logger): Promise<CardAnswer> {
    // The turn may end before the meeting exists (slow Graph): nothing below touches `context` after an await.
    const activity = context.activity;
    const trace = traceOf(context);
    if (action.kind === 'unknown') return { answer: usageHint(messagesOf(activity)), created: false };
    if (action.kind === 'subject-too-long') return { answer: subjectTooLongText(action.length, messagesOf(activity)), created: false };
    if (action.kind === 'when-invalid') return { answer: cardWhenProblemText(action.problem, action.phrase, readerContext(activity)), created: false };
    const organizer = await this.organizerFor(activity);
    const cardKey = activity.replyToId ?? action.cardId ?? activity.id ?? randomUUID();
    const outcome = await this.options.meetings.startMeeting({
      organizer,
      subject: action.subject === '' ? defaultSubject(organizer.displayName, messagesOf(activity)) : action.subject,
      schedule: action.schedule,
      language: readerContext(activity).locale,
      conversationId: activity.conversation.id,
      requestKey: `card:${cardKey}`,
      remember: true,
      observer: trace,
    });
    if (outcome.kind === 'created') trace?.meeting(outcome.started.meeting.created);
    else trace?.duplicate('card');
    const started = outcome.kind === 'created' ? outcome.started : outcome.previous;
    log.info({ outcome: outcome.kind, meetingId: started?.meeting.id }, 'card action handled');
    if (started === undefined) return { answer: inProgressText(messagesOf(activity)), created: false };
    // A repeat click gets the meeting card only where it replaces the clicked card; elsewhere the card is
    // already in the conversation and a second one would read as a second meeting.
    const inPlace = activity.type === ActivityTypes.Invoke || (activity.replyToId !== undefined && capabilitiesOf(activity.channelId).updatesMessages);
    if (outcome.kind === 'duplicate' && !inPlace) return { answer: messagesOf(activity).t('start.alreadyStarted'), created: false };
    return { answer: this.meetingCard(started, activity, true, undefined, action.schedule !== undefined), meeting: started.meeting, created: outcome.kind === 'created' };
  }

  /** Acknowledge-then-continue for this turn: the answer in the turn when it comes quickly, else "creating…" now and the answer later. */
  private async deliverWhenReady<T>(
    context: TurnContext,
    outcome: Promise<T>,
    log: Logger,
    answer: (result: T, turn: TurnContext, late: boolean) => Promise<unknown>,
    acknowledge: (turn: TurnContext) => Promise<unknown> = (turn) => turn.sendActivity(creatingText(messagesOf(turn.activity))),
  ): Promise<void> {
    await this.acknowledger.run(outcome, turnLine(context), { answer, acknowledge, fail: (error, turn) => this.replyWithError(turn, error, log) }, log);
  }

  private async organizerFor(activity: Activity): Promise<Organizer> {
    const organizer = await this.options.organizers.resolve(activity);
    this.options.meetings.assertTenantAllowed(organizer.tenantId);
    return organizer;
  }

  private startCard(activity: Activity): Attachment {
    const capabilities = capabilitiesOf(activity.channelId);
    const { locale } = readerContext(activity);
    const subject = defaultSubject(activity.from?.name, messagesFor(locale));
    return capabilities.adaptiveCards
      ? this.options.cards.startMeetingCard({ defaultSubject: subject, cardId: randomUUID(), locale })
      : startMeetingHeroCard(subject, capabilities.markup, locale);
  }

  /** The meeting card where Adaptive Cards render; elsewhere the details in the text plus a join button. */
  private meetingReply(started: StartedMeeting, activity: Activity, invitation?: Invitation, scheduled = false): Partial<Activity> {
    const capabilities = capabilitiesOf(activity.channelId);
    if (capabilities.adaptiveCards) return { attachments: [this.meetingCard(started, activity, false, invitation, scheduled)] };
    const view = meetingView(started, activity, scheduled);
    return { text: meetingText(view, capabilities.markup), attachments: [meetingHeroCard(view, capabilities.markup)] };
  }

  private meetingCard(started: StartedMeeting, activity: Activity, fromCard = false, invitation?: Invitation, scheduled = false): Attachment {
    return this.options.cards.meetingCard({
      scheduled,
      meeting: started.meeting,
      organizerName: started.organizerName,
      startedBy: fromCard ? { name: started.organizerName, at: new Date(started.startedAt) } : undefined,
      invited: invitation?.summary,
      notes: invitation?.notes,
      ...readerContext(activity),
    });
  }

  private async sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
  }

  private errorWords(error: MeetNowError, activity: Activity): string {
    const tenant = activity.conversation?.tenantId;
    return inMarkup(errorText(error, this.options.replyContext, typeof tenant === 'string' ? tenant : undefined, activity.from?.id, messagesOf(activity)), activity);
  }

  private logFailure(error: MeetNowError, log: Logger): void {
    const fields = { outcome: error.code, status: error.status, graphCode: error.graphCode, requestId: error.requestId, err: error };
    if (error.code === 'internal' || error.code === 'bot_connector') log.error(fields, 'turn failed');
    else log.warn(fields, 'meeting not created');
  }

  private async replyWithError(context: TurnContext, error: MeetNowError, log: Logger): Promise<void> {
    traceOf(context)?.fail(error);
    this.logFailure(error, log);
    await context.sendActivity(this.errorWords(error, context.activity));
  }
}

/** The turn as acknowledge-then-continue sees it; a later answer runs in a proactive turn that carries this turn's trace. */
function turnLine(context: TurnContext): TurnLine<TurnContext> {
  return {
    turn: context,
    typing: () => context.sendActivity({ type: ActivityTypes.Typing }),
    continueLater: (speak) => {
      const trace = traceOf(context);
      trace?.defer();
      const reference = TurnContext.getConversationReference(context.activity);
      const identity = context.turnState.get<ClaimsIdentity>(context.adapter.BotIdentityKey);
      return context.adapter
        .continueConversationAsync(identity, reference as ConversationReference, async (turn) => {
          if (trace !== undefined) observeTurn(turn, trace);
          await speak(turn);
        })
        .finally(() => trace?.end());
    },
  };
}

function invokeAnswer(answer: Attachment | string): InvokeResponse {
  return {
    status: 200,
    body:
      typeof answer === 'string'
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer }
        : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer.content },
  };
}

/**
 * A card click's answer in the conversation: the clicked card replaced where the channel allows, else a new
 * message. When the clicked card was deleted meanwhile (Teams answers the update 404
 * ActivityNotFoundInConversation: https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis),
 * the answer is posted as a new message instead of being lost.
 */
async function showCardAnswer(turn: TurnContext, clicked: Activity, answer: Attachment | string): Promise<void> {
  if (typeof answer === 'string') await turn.sendActivity(answer);
  else if (clicked.replyToId !== undefined && capabilitiesOf(clicked.channelId).updatesMessages) {
    try {
      await turn.updateActivity({ type: ActivityTypes.Message, id: clicked.replyToId, attachments: [answer] });
    } catch (error) {
      if (!(error instanceof MeetNowError && error.connectorCode === 'ActivityNotFoundInConversation')) throw error;
      await turn.sendActivity({ attachments: [answer] });
    }
  } else await turn.sendActivity({ attachments: [answer] });
}

/** What the text forms of the meeting show. */
function meetingView(started: StartedMeeting, activity: Activity, scheduled: boolean) {
  return { meeting: started.meeting, organizerName: started.organizerName, scheduled, ...readerContext(activity) };
}

/**
 * Our replies are written in markdown for Teams. In Slack, bold is a single asterisk, and a message that
 * starts with `/` is a slash command for Slack itself, which Azure Bot Service has no documented way to
 * forward (https://learn.microsoft.com/azure/bot-service/bot-service-channel-connect-slack): an example
 * that starts with `/meet` reads `meet` there, which the bot takes as a message.
 */
function inMarkup(markdown: string, activity: Activity): string {
  if (capabilitiesOf(activity.channelId).markup !== 'slack') return markdown;
  return markdown.replace(/\*\*([^*]+)\*\*/g, '*$1*').replace(/`\/meet\b/g, '`meet');
}

/** The reader's words, from the activity's locale. */
function messagesOf(activity: Partial<Activity>): Messages {
  return messagesFor(readerContext(activity).locale);
}

/**
 * "<name>'s meeting", by the subject rules: the name normalized, and shortened (not refused) so that the
 * whole subject fits in MAX_SUBJECT_LENGTH however long the sender's display name is.
 */
function defaultSubject(name: string | undefined, m: Messages): string {
  const normalized = normalizeSubject(name ?? '');
  if (normalized === '') return m.t('start.defaultSubjectAnonymous');
  const room = MAX_SUBJECT_LENGTH - subjectLength(m.t('start.defaultSubject', { name: '' }));
  return m.t('start.defaultSubject', { name: shortenSubject(normalized, room) });
}
