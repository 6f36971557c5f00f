import { isRecord } from '../guards';

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
 * The command a person typed, wherever the channel put it. Slack through Azure Bot Service puts a slash
 * command in `channelData.SlackMessage` (`command`, `text`) and a button click in `channelData.Payload`
 * (`actions[0].value`); everything else is the activity's text. Pure and total.
 */
export function commandText(source: CommandSource): string {
  const text = typeof source.text === 'string' ? source.text : '';
  if (source.channelId !== 'slack') return text;
  const data = isRecord(source.channelData) ? source.channelData : {};
  const payload = isRecord(data.Payload) ? data.Payload : undefined;
  const actions = payload !== undefined && Array.isArray(payload.actions) ? payload.actions : [];
  const first: unknown = actions[0];
  if (isRecord(first) && typeof first.value === 'string') return first.value;
  const slack = isRecord(data.SlackMessage) ? data.SlackMessage : undefined;
  if (slack !== undefined && typeof slack.command === 'string') {
    const args = (typeof slack.text === 'string' ? slack.text : '').trim();
    const command = slack.command.trim().toLowerCase();
    if (!MEET_COMMANDS.has(command)) return `${command} ${args}`;
    // `/meetnow help` asks for help; any other argument is the subject.
    return /^\/?(?:help|\?)$/i.test(args) ? 'help' : `/meet ${args}`;
  }
  return text.replace(LEADING_SLACK_MENTION, '');
}
