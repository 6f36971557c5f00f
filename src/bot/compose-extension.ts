import { randomUUID } from 'node:crypto';
import type { Activity, Attachment, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { CardRenderer } from '../cards/card-renderer';
import type { ComposeInvoke } from '../commands/compose-input';
import type { MeetNowError } from '../errors';
import type { TurnTrace } from '../ops/turn-trace';
import { AcknowledgeThenContinue, type TurnLine } from './acknowledge';
import { sendInvokeResponse } from './invoke-response';
import type { Turn } from './meet-routes';
import { messagesOf, type Presenters } from './presenter';
import { readerContext } from './reader-context';
import { defaultSubject } from './replies';
import type { CardOutcome, StartMeeting } from './start-meeting';

/** Teams waits five seconds for a compose-box invoke, then shows "Unable to reach the app" and ignores a later answer. */
export const COMPOSE_ANSWER_AFTER_MS = 3_500;

export interface ComposeExtensionOptions {
  starter: StartMeeting;
  presenters: Presenters;
  cards: CardRenderer;
  /** How long a submit waits for its meeting before it answers "being created" (default COMPOSE_ANSWER_AFTER_MS). */
  answerAfterMs?: number;
  /** Traces and logs a failure; returns the words that tell the sender. */
  failed(error: MeetNowError, activity: Activity, trace: TurnTrace, log: Logger): string;
}

/** A submit's answer is given in its turn; after the turn there is nobody to tell (the invoke has been answered). */
interface ComposeTurn {
  context: TurnContext;
  late: boolean;
}

/** The bodies Teams reads from a compose-box invoke's answer (botbuilder's MessagingExtensionActionResponse). */
type ComposeAnswer =
  | { task: { type: 'continue'; value: { title: string; width?: string; card: Attachment } } }
  | { task: { type: 'message'; value: string } }
  | { composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: Attachment[] } };

/**
 * The compose box (Teams messaging extension, DESIGN §4): `composeExtension/fetchTask` answers the form,
 * `composeExtension/submitAction` starts the meeting through StartMeeting and answers its card, which Teams
 * puts into the message being written. Everything is said in the invoke's answer: the bot may not be a member
 * of the conversation, so there is no later post. Teams waits five seconds
 * (https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit):
 * past `answerAfterMs` the submit is answered with a dialog that says the meeting is being created, whose
 * button submits the same form again and so answers the same meeting once it exists.
 */
export class ComposeExtension {
  private readonly acknowledger: AcknowledgeThenContinue;

  constructor(private readonly options: ComposeExtensionOptions) {
    const answerAfterMs = options.answerAfterMs ?? COMPOSE_ANSWER_AFTER_MS;
    // No typing indicator: the bot may not be in the conversation (the line's typing() does nothing).
    this.acknowledger = new AcknowledgeThenContinue({ acknowledgeAfterMs: answerAfterMs, typingAfterMs: answerAfterMs });
  }

  /** fetchTask: the form, with a new form id; `subject` from the message the command was opened on. */
  async form({ context, trace }: Turn, subject: string | undefined): Promise<void> {
    trace.note('compose-form');
    const activity = context.activity;
    const { locale } = readerContext(activity);
    const m = messagesOf(activity);
    const card = this.options.cards.composeFormCard({ subject: subject ?? defaultSubject(activity.from?.name, m), formId: randomUUID(), locale });
    await answer(context, { task: { type: 'continue', value: { title: m.t('start.title'), width: 'medium', card } } });
  }

  /** submitAction: the meeting card to insert, "being created" when Graph is slow, or words in the dialog. */
  async submit(turn: Turn, submitted: Extract<ComposeInvoke, { kind: 'submit' }>): Promise<void> {
    const { context, log, trace } = turn;
    trace.note('compose-submit');
    const activity = context.activity;
    const present = this.options.presenters.for(activity);
    const { action, formKey, form } = submitted;
    if (action.kind !== 'start-meeting') {
      await answer(context, { task: { type: 'message', value: plainWords(present.clickProblem(action, activity)) } });
      return;
    }
    const pending = (to: TurnContext): Promise<void> =>
      answer(to, { task: { type: 'continue', value: { title: messagesOf(activity).t('start.title'), width: 'medium', card: this.options.cards.composePendingCard({ form, locale: readerContext(activity).locale }) } } });
    const work = this.options.starter.start(context, { source: 'compose', subject: action.subject, schedule: action.schedule, formKey }, log, trace);
    await this.acknowledger.run(work, composeLine(context, trace), {
      answer: async (outcome: CardOutcome, to: ComposeTurn) => {
        if (to.late) log.info({ outcome: outcome.kind }, 'compose meeting ready after the answer: submitting the form again inserts it');
        else if (outcome.kind === 'being-started') await pending(to.context);
        else await answer(to.context, { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [present.insertedCard(outcome, activity)] } });
      },
      fail: async (error, to) => {
        const words = this.options.failed(error, activity, trace, log);
        if (!to.late) await answer(to.context, { task: { type: 'message', value: plainWords(words) } });
      },
      acknowledge: (to) => pending(to.context),
    }, log);
  }

  /** A command id this bot does not know (a newer manifest): said in the dialog. */
  async unknownCommand({ context, trace }: Turn): Promise<void> {
    trace.note('compose-unknown-command');
    const m = messagesOf(context.activity);
    await answer(context, { task: { type: 'message', value: m.t('compose.unknownCommand', { title: m.t('start.title') }) } });
  }

  /** Resolves once every submit answered "being created" has its meeting (or its failure logged). */
  async drain(): Promise<void> {
    await this.acknowledger.drain();
  }
}

/**
 * Our words are markdown for chat messages; a dialog's `message` is a plain string ("a simple pop-up",
 * create-task-module), so bold and code markers go and the text (PowerShell commands included) stays.
 */
function plainWords(markdown: string): string {
  return markdown
    .replace(/^```\w*\n?/gm, '')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The invoke's answer: botbuilder's ActivityHandler.createInvokeResponse gives a messaging extension's answer as `{ status: 200, body }`. */
function answer(context: TurnContext, body: ComposeAnswer): Promise<void> {
  return sendInvokeResponse(context, { status: 200, body });
}

/** The submit's turn for acknowledge-then-continue: no typing indicator, and after the turn only the log and the trace. */
function composeLine(context: TurnContext, trace: TurnTrace): TurnLine<ComposeTurn> {
  return {
    turn: { context, late: false },
    typing: () => Promise.resolve(),
    continueLater: async (speak) => {
      trace.defer();
      try {
        await speak({ context, late: true });
      } finally {
        trace.end();
      }
    },
  };
}
