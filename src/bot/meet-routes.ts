import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { commandText } from '../commands/command-text';
import { readComposeInvoke, type ComposeInvoke } from '../commands/compose-input';
import { readMentions, type ReadMentions } from '../commands/mentions';
import { CANCEL_MEETING_VERB, parseCancelAction, parseCardAction, START_MEETING_VERB, type CancelAction, type CardAction } from '../commands/parse-card-action';
import { parseCommand, type Command } from '../commands/parse-command';
import type { WhenContext } from '../commands/parse-when';
import { isRecord } from '../guards';
import type { TurnTrace } from '../ops/turn-trace';
import { readerContext } from './reader-context';
import { route, type Route } from './router';

/** One turn as a handler sees it. */
export interface Turn {
  context: TurnContext;
  log: Logger;
  trace: TurnTrace;
}

/** A message's text, read once: people @mentioned (their mentions read as their names) and the command. */
export interface ReadText {
  mentions: ReadMentions;
  command: Command;
}

/** What routes select from: the activity, and its text read on first use. */
export interface TurnInput {
  activity: Activity;
  text(): ReadText;
}

export function turnInput(activity: Activity): TurnInput {
  let read: ReadText | undefined;
  return {
    activity,
    text: () => {
      if (read !== undefined) return read;
      const mentions = readMentions({ ...activity, text: commandText(activity) });
      read = { mentions, command: parseCommand(mentions.text, { now: new Date(), ...readerContext(activity) }) };
      return read;
    },
  };
}

type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;

/** The handlers the routes lead to (MeetBot implements them). */
export interface MeetHandlers {
  welcome(turn: Turn): Promise<unknown>;
  help(turn: Turn): Promise<unknown>;
  usage(turn: Turn): Promise<unknown>;
  subjectTooLong(turn: Turn, command: CommandOf<'subject-too-long'>): Promise<unknown>;
  whenInvalid(turn: Turn, command: CommandOf<'when-invalid'>): Promise<unknown>;
  startForm(turn: Turn): Promise<unknown>;
  meet(turn: Turn, command: CommandOf<'meet'>, mentions: ReadMentions): Promise<unknown>;
  /** A "Start meeting now" click: `invoke` for Action.Execute (Teams), `message` for the Action.Submit fallback. */
  startMeetingClick(turn: Turn, action: CardAction, via: 'invoke' | 'message'): Promise<unknown>;
  /** A "Cancel meeting" click on a scheduled meeting's card, by either kind of action. */
  cancelMeetingClick(turn: Turn, action: CancelAction, via: 'invoke' | 'message'): Promise<unknown>;
  /** An Action.Submit whose data names no verb the bot knows. */
  unknownSubmit(turn: Turn): Promise<unknown>;
  unknownVerb(turn: Turn, verb: string): Promise<unknown>;
  /** The compose box: its form (fetchTask), the form submitted (submitAction), a command id the bot does not know. */
  composeForm(turn: Turn, subject: string | undefined): Promise<unknown>;
  composeSubmit(turn: Turn, submitted: Extract<ComposeInvoke, { kind: 'submit' }>): Promise<unknown>;
  composeUnknownCommand(turn: Turn): Promise<unknown>;
  /** An invoke the bot does not implement (answered 501). */
  unhandledInvoke(turn: Turn): Promise<unknown>;
}

const ADAPTIVE_CARD_INVOKE = 'adaptiveCard/action';

/** The clock and the clicker's zone, for the card's date and time inputs. */
function whenContextOf(activity: Partial<Activity>): WhenContext {
  return { now: new Date(), ...readerContext(activity) };
}

/** An `Action.Submit` click reaches the bot as a message with the card's data in `value` and no text. */
function isSubmit(activity: Activity): boolean {
  return activity.type === ActivityTypes.Message && activity.value !== undefined && (activity.text === undefined || activity.text === '');
}

/** The `Action.Execute` click's verb and data (src/server.ts has checked their shape). */
function executed(activity: Activity): { verb: string; data: unknown } | undefined {
  if (activity.type !== ActivityTypes.Invoke || activity.name !== ADAPTIVE_CARD_INVOKE) return undefined;
  const action: unknown = isRecord(activity.value) ? activity.value.action : undefined;
  if (!isRecord(action)) return undefined;
  return { verb: typeof action.verb === 'string' ? action.verb : '', data: action.data };
}

/** A text command route: selects messages whose command is `kind`, and notes the command in the turn's trace. */
function command<K extends Command['kind']>(kind: K, handler: (turn: Turn, command: CommandOf<K>, mentions: ReadMentions) => Promise<unknown>): Route<TurnInput, Turn> {
  return route(
    kind,
    (input: TurnInput) => {
      if (input.activity.type !== ActivityTypes.Message || isSubmit(input.activity)) return undefined;
      const read = input.text();
      return read.command.kind === kind ? { command: read.command as CommandOf<K>, mentions: read.mentions } : undefined;
    },
    async (turn: Turn, match: { command: CommandOf<K>; mentions: ReadMentions }) => {
      turn.trace.note(kind);
      await handler(turn, match.command, match.mentions);
    },
  );
}

/**
 * A card verb, clicked as Action.Execute (Teams) or through the Action.Submit fallback (Web Chat, the
 * Emulator), its data read by `parse` (the Execute's `data`, or the Submit's `value`: the same object).
 */
function cardVerb<A>(
  verb: string,
  parse: (data: unknown, activity: Activity) => A,
  handler: (turn: Turn, action: A, via: 'invoke' | 'message') => Promise<unknown>,
): Route<TurnInput, Turn>[] {
  return [
    route(
      `${verb} (Action.Execute)`,
      ({ activity }: TurnInput) => {
        const click = executed(activity);
        return click?.verb === verb && parse(click.data, activity);
      },
      (turn: Turn, action: A) => handler(turn, action, 'invoke'),
    ),
    route(
      `${verb} (Action.Submit)`,
      ({ activity }: TurnInput) => isSubmit(activity) && isRecord(activity.value) && activity.value.action === verb && parse(activity.value, activity),
      (turn: Turn, action: A) => handler(turn, action, 'message'),
    ),
  ];
}

/** A compose-box invoke of `kind` (the messaging extension's fetchTask or submitAction). */
function compose<K extends ComposeInvoke['kind']>(kind: K, handler: (turn: Turn, invoke: Extract<ComposeInvoke, { kind: K }>) => Promise<unknown>): Route<TurnInput, Turn> {
  return route(
    `compose ${kind}`,
    ({ activity }: TurnInput) => {
      if (activity.type !== ActivityTypes.Invoke) return undefined;
      const invoke = readComposeInvoke(activity.name, activity.value, whenContextOf(activity));
      return invoke?.kind === kind ? (invoke as Extract<ComposeInvoke, { kind: K }>) : undefined;
    },
    handler,
  );
}

/** Every activity MeetNow answers, in order: the first route that selects an activity answers it; others get 200 and nothing. */
export function meetRoutes(h: MeetHandlers): Route<TurnInput, Turn>[] {
  return [
    route('install', ({ activity }: TurnInput) => activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate, (turn: Turn) => h.welcome(turn)),
    ...cardVerb(START_MEETING_VERB, (data, activity) => parseCardAction(data, START_MEETING_VERB, whenContextOf(activity)), (turn, action, via) => h.startMeetingClick(turn, action, via)),
    ...cardVerb(CANCEL_MEETING_VERB, parseCancelAction, (turn, action, via) => h.cancelMeetingClick(turn, action, via)),
    route('unknown verb', ({ activity }: TurnInput) => executed(activity)?.verb, (turn: Turn, verb: string) => h.unknownVerb(turn, verb)),
    compose('form', (turn, form) => h.composeForm(turn, form.subject)),
    compose('submit', (turn, submitted) => h.composeSubmit(turn, submitted)),
    compose('unknown-command', (turn) => h.composeUnknownCommand(turn)),
    route('unhandled invoke', ({ activity }: TurnInput) => activity.type === ActivityTypes.Invoke, (turn: Turn) => h.unhandledInvoke(turn)),
    route('unknown card data', ({ activity }: TurnInput) => isSubmit(activity), (turn: Turn) => h.unknownSubmit(turn)),
    command('meet', (turn, meet, mentions) => h.meet(turn, meet, mentions)),
    command('meet-form', (turn) => h.startForm(turn)),
    command('help', (turn) => h.help(turn)),
    command('when-invalid', (turn, problem) => h.whenInvalid(turn, problem)),
    command('subject-too-long', (turn, tooLong) => h.subjectTooLong(turn, tooLong)),
    command('unknown', (turn) => h.usage(turn)),
  ];
}
