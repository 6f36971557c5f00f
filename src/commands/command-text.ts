import { isRecord } from '../guards';
import { asksForHelp } from './command-words';

// Slack mentions arrive as `<@U0BOT>` / `<@U0BOT|meetnow>`, or already rendered as `@MeetNow`.
const LEADING_SLACK_MENTION = /^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>|@[\w.-]+)[\s,:]*/i;
// Slash command names an admin may register for the Slack app.
const MEET_COMMANDS = new Set(['/meet', '/meetnow']);

export interface CommandSource {
  channelId?: string;
  text?: string;
  channelData?: unknown;
}

/**
 * The command a person typed or clicked, wherever the channel put it; everything but Slack: the activity's
 * text. Pure and total. What Slack through Azure Bot Service sends, and how sure we are of it:
 * - Verified (https://learn.microsoft.com/azure/bot-service/bot-service-channel-connect-slack): Azure Bot
 *   Service takes Slack's Events API requests (`https://slack.botframework.com/api/Events/{bot}`) and its
 *   interactivity requests (`…/api/Actions`). It documents no slash command Request URL.
 * - Verified in Microsoft's own Slack extension of the Agents SDK (microsoft/Agents-for-js,
 *   packages/agents-hosting-extensions-slack/src/api/slackChannelData.ts): `channelData.SlackMessage` is the
 *   raw Slack envelope — an Events API `event_callback` with `event.text`
 *   (https://api.slack.com/apis/events-api#callback-field), or a `block_actions` payload with `actions[]`
 *   (https://api.slack.com/reference/interaction-payloads/block-actions).
 * - Assumed: a click may instead arrive in `channelData.Payload` (Slack posts interactivity as a form field
 *   named `payload`), as a legacy `interactive_message` (`actions[].value`,
 *   https://api.slack.com/legacy/interactive-messages) or as `block_actions`; and a slash command, should one
 *   reach the bot, as Slack's command fields (`command`, `text`: https://api.slack.com/interactivity/slash-commands)
 *   in `channelData.SlackMessage`.
 */
export function commandText(source: CommandSource): string {
  const text = typeof source.text === 'string' ? source.text : '';
  if (source.channelId !== 'slack') return text;
  const data = isRecord(source.channelData) ? source.channelData : {};
  const envelope = isRecord(data.SlackMessage) ? data.SlackMessage : undefined;
  const clicked = clickedValue(data.Payload) ?? clickedValue(envelope);
  if (clicked !== undefined) return clicked;
  if (envelope !== undefined && typeof envelope.command === 'string') {
    const args = (typeof envelope.text === 'string' ? envelope.text : '').trim();
    const command = envelope.command.trim().toLowerCase();
    if (!MEET_COMMANDS.has(command)) return `${command} ${args}`;
    // `/meetnow help` (or `hilfe`, `aide`…) asks for help; any other argument is the subject.
    return asksForHelp(args) ? 'help' : `/meet ${args}`;
  }
  // The activity's text is the message's; the event's own text stands in when a channel leaves it out.
  const event = envelope !== undefined && isRecord(envelope.event) ? envelope.event : undefined;
  const typed = text === '' && typeof event?.text === 'string' ? event.text : text;
  return typed.replace(LEADING_SLACK_MENTION, '');
}

/** The value of the clicked button: the first action's `value`, in both the legacy and the Block Kit payload. */
function clickedValue(payload: unknown): string | undefined {
  if (!isRecord(payload) || !Array.isArray(payload.actions)) return undefined;
  const first: unknown = payload.actions[0];
  return isRecord(first) && typeof first.value === 'string' ? first.value : undefined;
}
