import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { CardRenderer } from '../cards/card-renderer';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card-template';
import type { CardAction } from '../commands/parse-card-action';
import type { ReadMentions } from '../commands/mentions';
import { asMeetNowError, MeetNowError } from '../errors';
import type { OrganizerResolver } from '../identity/organizer-resolver';
import type { MeetingService } from '../meetings/meeting-service';
import type { MeetingCancellation } from '../meetings/cancellation';
import type { MeetingSchedule } from '../meetings/meeting';
import type { TenantPolicy } from '../meetings/tenant-policy';
import { lazyChild } from '../logger';
import { SILENT_TURN_TELEMETRY, type TurnTelemetry, type TurnTrace } from '../ops/turn-trace';
import { AcknowledgeThenContinue, type AcknowledgeSteps } from './acknowledge';
import { ComposeExtension } from './compose-extension';
import { sendInvokeResponse } from './invoke-response';
import { MeetingDelivery } from './meeting-delivery';
import { meetRoutes, turnInput, type MeetHandlers, type Turn } from './meet-routes';
import { Presenters, type CardAnswer, type ClickWords } from './presenter';
import { CancelMeeting } from './cancel-meeting';
import type { ReplyContext } from './replies';
import { Router } from './router';
import { StartMeeting } from './start-meeting';
import { TeamsRoster, type Roster } from './roster';
import { welcomeIfInstalled, WelcomeMemory } from './welcome';
import { timeReplies } from './reply-timing';
import { turnLine } from './turn-line';
import type { RedeliveryGuard } from './redelivery-guard';

export interface MeetBotOptions {
  meetings: MeetingService;
  /** Cancels scheduled meetings from their cards (organizer only, once). */
  cancellations: MeetingCancellation;
  organizers: OrganizerResolver;
  tenants: TenantPolicy;
  redeliveries: RedeliveryGuard;
  cards: CardRenderer;
  logger: Logger;
  replyContext: ReplyContext;
  /** The Teams roster (mentioned people and channel members → Entra ids); botbuilder's TeamsInfo by default. */
  roster?: Roster;
  /** Writes the one log line per turn (correlation id, outcome, durations) and counts turns. */
  telemetry?: TurnTelemetry;
  /** After this long the turn answers "creating your meeting…" and delivers the card later (Teams allows ~15 s). */
  acknowledgeAfterMs?: number;
  /** After this long a compose-box submit answers "being created" (Teams waits 5 s); compose-extension.ts. */
  composeAnswerAfterMs?: number;
  /** A typing indicator is shown when Graph takes longer than this. */
  typingAfterMs?: number;
  /** Delivers meeting replies with retries, so that a created meeting is never silently lost. */
  delivery?: MeetingDelivery;
  /** Conversations welcomed recently (its size is a metric). */
  welcomed?: WelcomeMemory;
}

/**
 * The turn handler: one entry (trace, route, redelivery claim, error reply) and the handlers of the routes
 * in meet-routes.ts. Meetings are started by StartMeeting and shown by the channel's presenter.
 */
export class MeetBot {
  private readonly acknowledger: AcknowledgeThenContinue;
  private readonly roster: Roster;
  private readonly welcomed: WelcomeMemory;
  private readonly delivery: MeetingDelivery;
  private readonly presenters: Presenters;
  private readonly starter: StartMeeting;
  private readonly compose: ComposeExtension;
  private readonly canceller: CancelMeeting;

  constructor(private readonly options: MeetBotOptions) {
    this.acknowledger = new AcknowledgeThenContinue({
      acknowledgeAfterMs: options.acknowledgeAfterMs ?? 8_000,
      // Past 1.5 s: a meeting that comes sooner needs no indicator, and under load every early typing post doubles the Bot Connector traffic.
      typingAfterMs: options.typingAfterMs ?? 1_500,
    });
    this.roster = options.roster ?? new TeamsRoster();
    this.delivery = options.delivery ?? new MeetingDelivery();
    this.welcomed = options.welcomed ?? new WelcomeMemory();
    this.presenters = new Presenters(options.cards, options.replyContext);
    this.starter = new StartMeeting({ meetings: options.meetings, organizers: options.organizers, tenants: options.tenants, roster: this.roster });
    this.compose = new ComposeExtension({
      starter: this.starter,
      presenters: this.presenters,
      cards: options.cards,
      answerAfterMs: options.composeAnswerAfterMs,
      failed: (error, activity, trace, log) => this.failed(error, activity, trace, log),
    });
    this.canceller = new CancelMeeting({ cancellations: options.cancellations, organizers: options.organizers, tenants: options.tenants, cards: options.cards, presenters: this.presenters });
  }

  readonly run = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const turn = { activityId: activity.id, channel: activity.channelId, activityType: activity.type, conversationType: activity.conversation?.conversationType };
    // The one place a turn's trace starts; it travels as a value in Turn (a deferred answer ends it).
    const trace = (this.options.telemetry ?? SILENT_TURN_TELEMETRY).start(turn);
    timeReplies(context, trace);
    const log = lazyChild(this.options.logger, { correlationId: trace.correlationId, activityId: activity.id, channel: activity.channelId, conversationType: turn.conversationType });
    try {
      // Typing, reactions, message updates…: no route takes them, so nothing to answer or to remember for 24 hours.
      const selected = this.router.select(turnInput(activity));
      if (selected === undefined) return;
      // Teams redelivers when a bot is slow: an activity already answered gets no second answer of any kind.
      // (Invokes are answered in their HTTP response, so a repeated one is answered again, creating nothing.)
      // Booking once is StartMeeting's own claim, under another key: a store failing here only costs this check.
      if (activity.type !== ActivityTypes.Invoke && (await this.redelivered(activity, log))) {
        trace.duplicate('activity');
        log.info({ outcome: 'duplicate' }, 'redelivered activity ignored');
        return;
      }
      await selected.run({ context, log, trace });
    } catch (error) {
      await this.replyWithError(context, asMeetNowError(error), trace, log);
    } finally {
      if (!trace.deferred) trace.end();
    }
  };

  /** True when the activity was answered before. A failing dedupe store does not silence the bot: the message is answered. */
  private async redelivered(activity: Activity, log: Logger): Promise<boolean> {
    try {
      return !(await this.options.redeliveries.firstDelivery(activity.conversation.id, activity.id));
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'dedupe store unavailable: answering without the redelivery check');
      return false;
    }
  }

  /** Resolves once every meeting still being delivered in the background has been delivered. */
  async drain(): Promise<void> {
    await this.acknowledger.drain();
    await this.compose.drain();
    await this.delivery.drain();
  }

  /** The handlers of the routes (meet-routes.ts): each answers one kind of activity. */
  private readonly handlers: MeetHandlers = {
    welcome: ({ context }) => welcomeIfInstalled(context, this.options.cards, this.welcomed, this.roster),
    help: ({ context }) => context.sendActivity(this.presenters.for(context.activity).help(context.activity)),
    usage: ({ context }) => context.sendActivity(this.presenters.for(context.activity).usage(context.activity)),
    subjectTooLong: ({ context }, command) => context.sendActivity(this.presenters.for(context.activity).subjectTooLong(command.length, context.activity)),
    whenInvalid: ({ context }, command) => context.sendActivity(this.presenters.for(context.activity).whenProblem(command.problem, command.phrase, context.activity)),
    startForm: ({ context }) => context.sendActivity(this.presenters.for(context.activity).startForm(context.activity)),
    meet: (turn, command, mentions) => this.startFromMessage(turn, command, mentions),
    startMeetingClick: (turn, action, via) => this.startFromClick(turn, action, via),
    cancelMeetingClick: (turn, action, via) => this.answerClick(turn, this.canceller.answer(turn.context.activity, action, turn.log, turn.trace), via, this.canceller),
    // What the Action.Submit path answers to card data it cannot read: the same words as a click's.
    unknownSubmit: ({ context }) => context.sendActivity(this.presenters.for(context.activity).clickProblem({ kind: 'unknown' }, context.activity)),
    unknownVerb: ({ context }, verb) =>
      sendInvokeResponse(context, {
        status: 200,
        body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: `Unknown verb "${verb}"` } },
      }),
    composeForm: (turn, subject) => this.compose.form(turn, subject),
    composeSubmit: (turn, submitted) => this.compose.submit(turn, submitted),
    composeUnknownCommand: (turn) => this.compose.unknownCommand(turn),
    unhandledInvoke: ({ context }) => sendInvokeResponse(context, { status: 501 }),
  };

  private readonly router = new Router(meetRoutes(this.handlers));

  /** `/meet …`: the meeting reply in the turn when Graph is quick, else "creating…" now and the reply later. */
  private async startFromMessage(turn: Turn, command: { subject: string; schedule?: MeetingSchedule }, mentions: ReadMentions): Promise<void> {
    const { context, log } = turn;
    const present = this.presenters.for(context.activity);
    // Everything that may wait on the network (a user-principal-name lookup, roster paging, Graph) runs
    // under the acknowledgement deadline, so Teams always has its HTTP answer in time.
    const outcome = this.starter.start(context, { source: 'text', subject: command.subject, schedule: command.schedule, mentions }, log, turn.trace);
    await this.acknowledgeThenContinue(turn, outcome, {
      answer: async (result, turn) => {
        if (result.kind !== 'started') return;
        await this.delivery.deliver(
          turn,
          (to) => to.sendActivity(present.meeting(result, to.activity)),
          result.started.meeting,
          log,
          (to) => to.sendActivity(present.meetingInText(result, to.activity)),
        );
      },
      acknowledge: (turn) => turn.sendActivity(present.creating(turn.activity)),
    });
  }

  /**
   * A "Start meeting now" click. An Action.Execute invoke (Teams) waits about 15 s for its answer: past the
   * acknowledgement delay it gets "being started" now, and the card is replaced in place once the meeting
   * exists. The Action.Submit fallback replaces the clicked card where the channel can, else answers below it.
   */
  private async startFromClick(turn: Turn, action: CardAction, via: 'invoke' | 'message'): Promise<void> {
    const { context, log, trace } = turn;
    const clicked = context.activity;
    const present = this.presenters.for(clicked);
    const answer: Promise<CardAnswer> =
      action.kind === 'start-meeting'
        ? this.starter
            .start(context, { source: 'card', subject: action.subject, schedule: action.schedule, cardId: action.cardId }, log, trace)
            .then((outcome) => present.clickAnswer(outcome, clicked))
        : Promise.resolve({ answer: present.clickProblem(action, clicked), created: false });
    await this.answerClick(turn, answer, via, { interim: (activity) => present.beingStarted(activity) });
  }

  /**
   * Any card click's answer (a start, a cancel): the card in place for everyone once it is known, and
   * `interim` words to the clicker first when it takes longer than the acknowledgement delay.
   */
  private async answerClick(turn: Turn, work: Promise<CardAnswer>, via: 'invoke' | 'message', words: ClickWords): Promise<void> {
    const { context, log, trace } = turn;
    const clicked = context.activity;
    // The click is answered either way: a failure in words (the click's own words where it has them).
    const answer = work.catch((error: unknown): CardAnswer => {
      const failure = asMeetNowError(error);
      const text = this.failed(failure, clicked, trace, log);
      return { answer: words.failure?.(failure, clicked) ?? text, created: false };
    });
    await this.acknowledgeThenContinue(
      turn,
      answer,
      via === 'invoke'
        ? {
            answer: (result, turn, late) => (late ? this.showClickAnswer(turn, clicked, result, log) : this.answerInvoke(turn, clicked, result, log)),
            acknowledge: (turn) => sendInvokeResponse(turn, invokeAnswer(words.interim(turn.activity))),
          }
        : {
            answer: (result, turn) => this.showClickAnswer(turn, clicked, result, log),
            acknowledge: (turn) => turn.sendActivity(words.interim(turn.activity)),
          },
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
    if (result.created && this.presenters.for(clicked).replacesClickedCard(clicked)) await this.showClickAnswer(turn, clicked, result, log);
    await sendInvokeResponse(turn, invokeAnswer(result.answer));
  }

  /** The click's answer; a meeting card goes through the retry layer. Other answers the Bot Connector refuses are logged (the invoke is still answered). */
  private async showClickAnswer(turn: TurnContext, clicked: Activity, { answer, meeting }: CardAnswer, log: Logger): Promise<void> {
    const replaces = this.presenters.for(clicked).replacesClickedCard(clicked);
    if (typeof answer !== 'string' && meeting !== undefined) return this.delivery.deliver(turn, (to) => showCardAnswer(to, clicked, answer, replaces), meeting, log);
    await showCardAnswer(turn, clicked, answer, replaces).catch((error: unknown) => log.warn({ err: error }, 'the click was handled, but its answer could not be shown in the conversation'));
  }

  /** Acknowledge-then-continue for this turn (acknowledge.ts); a failure is answered in words. */
  private async acknowledgeThenContinue<R>({ context, log, trace }: Turn, work: Promise<R>, steps: Omit<AcknowledgeSteps<R, TurnContext>, 'fail'>): Promise<void> {
    await this.acknowledger.run(work, turnLine(context, trace), { ...steps, fail: (error, turn) => this.replyWithError(turn, error, trace, log) }, log);
  }

  /** Traces and logs a failure; returns the words that tell the sender. */
  private failed(error: MeetNowError, activity: Activity, trace: TurnTrace, log: Logger): string {
    trace.fail(error);
    const fields = { outcome: error.code, status: error.status, graphCode: error.graphCode, requestId: error.requestId, err: error };
    if (error.code === 'internal' || error.code === 'bot_connector') log.error(fields, 'turn failed');
    else log.warn(fields, 'meeting not created');
    return this.presenters.for(activity).error(error, activity);
  }

  private async replyWithError(context: TurnContext, error: MeetNowError, trace: TurnTrace, log: Logger): Promise<void> {
    await context.sendActivity(this.failed(error, context.activity, trace, log));
  }
}

function invokeAnswer(answer: Attachment | string): InvokeResponse {
  return {
    status: 200,
    body:
      typeof answer === 'string'
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer }
        : { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: answer.content },
  };
}

/**
 * A card click's answer in the conversation: the clicked card replaced where the channel allows, else a new
 * message. When the clicked card was deleted meanwhile (Teams answers the update 404
 * ActivityNotFoundInConversation: https://learn.microsoft.com/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis),
 * the answer is posted as a new message instead of being lost.
 */
async function showCardAnswer(turn: TurnContext, clicked: Activity, answer: Attachment | string, replaces: boolean): Promise<void> {
  if (typeof answer === 'string') await turn.sendActivity(answer);
  else if (replaces && clicked.replyToId !== undefined) {
    try {
      await turn.updateActivity({ type: ActivityTypes.Message, id: clicked.replyToId, attachments: [answer] });
    } catch (error) {
      if (!(error instanceof MeetNowError && error.connectorCode === 'ActivityNotFoundInConversation')) throw error;
      await turn.sendActivity({ attachments: [answer] });
    }
  } else await turn.sendActivity({ attachments: [answer] });
}
