import { randomUUID } from 'node:crypto';

export const SLACK_TEAM = 'T0XYZ789';
export const SLACK_BOT = { id: `B0MEETNOW:${SLACK_TEAM}`, name: 'meetnow' };
/** The app's bot user, as Slack writes it in a mention: `<@U0MEETNOW>`. */
export const SLACK_BOT_USER = 'U0MEETNOW';

/**
 * Slack's own payloads, field for field as Slack documents them (the values are examples). Azure Bot Service
 * hands them to the bot in `channelData` (see src/commands/command-text.ts for what is verified and assumed).
 */
export const slackPayloads = {
  /** An Events API `event_callback` envelope around a `message` or `app_mention` event (https://api.slack.com/apis/events-api#callback-field, https://api.slack.com/events/app_mention). */
  event(options: { userId: string; text: string; channel: string; ts: string; type?: 'message' | 'app_mention' }): Record<string, unknown> {
    return {
      token: 'XXYYZZ',
      team_id: SLACK_TEAM,
      api_app_id: 'A0MEETNOW',
      event: {
        type: options.type ?? 'message',
        user: options.userId,
        text: options.text,
        ts: options.ts,
        channel: options.channel,
        event_ts: options.ts,
        ...(options.type === 'app_mention' ? {} : { channel_type: 'channel' }),
      },
      type: 'event_callback',
      authorizations: [{ enterprise_id: null, team_id: SLACK_TEAM, user_id: SLACK_BOT_USER, is_bot: true, is_enterprise_install: false }],
      event_id: `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
    };
  },

  /** The fields Slack posts for a slash command (https://api.slack.com/interactivity/slash-commands#app_command_handling). */
  slashCommand(options: { userId: string; userName: string; channel: string; command: string; text: string }): Record<string, unknown> {
    return {
      token: 'gIkuvaNzQIHg97ATvDxqgjtO',
      team_id: SLACK_TEAM,
      team_domain: 'contoso',
      channel_id: options.channel,
      channel_name: 'general',
      user_id: options.userId,
      user_name: options.userName,
      command: options.command,
      text: options.text,
      api_app_id: 'A0MEETNOW',
      response_url: 'https://hooks.slack.com/commands/1234/5678',
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
    };
  },

  /** A legacy message button click, `interactive_message` (https://api.slack.com/legacy/interactive-messages). */
  interactiveMessage(options: { userId: string; userName: string; channel: string; value: string; ts: string }): Record<string, unknown> {
    return {
      type: 'interactive_message',
      actions: [{ name: 'imBack', type: 'button', value: options.value }],
      callback_id: 'meetnow_start',
      team: { id: SLACK_TEAM, domain: 'contoso' },
      channel: { id: options.channel, name: 'general' },
      user: { id: options.userId, name: options.userName },
      action_ts: options.ts,
      message_ts: options.ts,
      attachment_id: '1',
      token: 'xAB3yVzGS4BQ3O9FACTa8Ho4',
      is_app_unfurl: false,
      response_url: 'https://hooks.slack.com/actions/T47563693/6204672533/x7ZLaiVMoECAW50Gw1ZYAXEM',
      trigger_id: '13345224609.738474920.8088930838d88f008e0',
    };
  },

  /** A Block Kit button click, `block_actions` (https://api.slack.com/reference/interaction-payloads/block-actions). */
  blockActions(options: { userId: string; userName: string; channel: string; value: string; ts: string }): Record<string, unknown> {
    return {
      type: 'block_actions',
      user: { id: options.userId, username: options.userName, name: options.userName, team_id: SLACK_TEAM },
      api_app_id: 'A0MEETNOW',
      token: '9s8d9as89d8as9d8as989',
      container: { type: 'message', message_ts: options.ts, channel_id: options.channel, is_ephemeral: false },
      trigger_id: '12466734323.1395872398.3f5e4b1c9a8d7e6f',
      team: { id: SLACK_TEAM, domain: 'contoso' },
      channel: { id: options.channel, name: 'general' },
      response_url: 'https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209',
      actions: [{ action_id: 'startMeeting', block_id: 'meetnow', text: { type: 'plain_text', text: 'Start meeting now', emoji: true }, value: options.value, type: 'button', action_ts: options.ts }],
    };
  },
};

export interface SlackActivityOptions {
  serviceUrl: string;
  userId: string;
  userName?: string;
  text?: string;
  /** `app_mention` for a message that mentions the bot in a channel (the text then starts with `<@U0MEETNOW>`). */
  eventType?: 'message' | 'app_mention';
  /** A slash command as Slack sends its fields, in channelData.SlackMessage (assumed: Azure Bot Service documents no command URL). */
  slashCommand?: { command: string; text: string };
  /** A legacy message button click (interactive_message), in channelData.Payload. */
  buttonValue?: string;
  /** A Block Kit button click (block_actions), in channelData.SlackMessage (as Microsoft's Agents SDK reads it) or channelData.Payload. */
  blockAction?: { value: string; in: 'SlackMessage' | 'Payload' };
  channel?: string;
}

/** A message activity shaped like what Azure Bot Service's Slack channel sends. */
export function slackMessage(options: SlackActivityOptions): Record<string, unknown> {
  const channel = options.channel ?? 'C0GENERAL';
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const from = { id: `${options.userId}:${SLACK_TEAM}`, name: options.userName ?? 'ann' };
  const who = { userId: options.userId, userName: from.name, channel, ts };
  let channelData: Record<string, unknown>;
  let text = options.text ?? '';
  if (options.slashCommand !== undefined) {
    channelData = { SlackMessage: slackPayloads.slashCommand({ ...who, ...options.slashCommand }) };
    text = '';
  } else if (options.buttonValue !== undefined) {
    channelData = { Payload: slackPayloads.interactiveMessage({ ...who, value: options.buttonValue }) };
    text = options.buttonValue;
  } else if (options.blockAction !== undefined) {
    channelData = { [options.blockAction.in]: slackPayloads.blockActions({ ...who, value: options.blockAction.value }) };
    text = '';
  } else {
    channelData = { SlackMessage: slackPayloads.event({ ...who, text, type: options.eventType }) };
  }
  return {
    type: 'message',
    id: ts,
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'slack',
    from,
    conversation: { id: `${SLACK_BOT.id}:${channel}`, isGroup: true },
    recipient: SLACK_BOT,
    text,
    channelData: { ...channelData, ApiToken: 'xoxb-not-a-real-token' },
  };
}
