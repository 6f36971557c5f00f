import { randomUUID } from 'node:crypto';

export const SLACK_TEAM = 'T0XYZ789';
export const SLACK_BOT = { id: `B0MEETNOW:${SLACK_TEAM}`, name: 'meetnow' };

export interface SlackActivityOptions {
  serviceUrl: string;
  userId: string;
  userName?: string;
  text?: string;
  /** A slash command as Azure Bot Service delivers it in channelData.SlackMessage. */
  slashCommand?: { command: string; text: string };
  /** A button click (interactive message) as it arrives in channelData.Payload. */
  buttonValue?: string;
  channel?: string;
}

/** A message activity shaped like what Azure Bot Service's Slack channel sends. */
export function slackMessage(options: SlackActivityOptions): Record<string, unknown> {
  const channel = options.channel ?? 'C0GENERAL';
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const from = { id: `${options.userId}:${SLACK_TEAM}`, name: options.userName ?? 'ann' };
  let channelData: Record<string, unknown>;
  if (options.slashCommand !== undefined) {
    channelData = {
      SlackMessage: {
        token: 'verification-token',
        team_id: SLACK_TEAM,
        team_domain: 'contoso',
        channel_id: channel,
        channel_name: 'general',
        user_id: options.userId,
        user_name: from.name,
        command: options.slashCommand.command,
        text: options.slashCommand.text,
        response_url: 'https://hooks.slack.example/commands/x',
        trigger_id: randomUUID(),
      },
      ApiToken: 'xoxb-not-a-real-token',
    };
  } else if (options.buttonValue !== undefined) {
    channelData = {
      Payload: {
        type: 'interactive_message',
        actions: [{ name: 'imBack', type: 'button', value: options.buttonValue }],
        team: { id: SLACK_TEAM, domain: 'contoso' },
        channel: { id: channel, name: 'general' },
        user: { id: options.userId, name: from.name },
        action_ts: ts,
        response_url: 'https://hooks.slack.example/actions/x',
      },
      ApiToken: 'xoxb-not-a-real-token',
    };
  } else {
    channelData = {
      SlackMessage: {
        token: 'verification-token',
        team_id: SLACK_TEAM,
        event: { type: 'message', user: options.userId, text: options.text ?? '', channel, ts, channel_type: 'channel' },
        type: 'event_callback',
        event_id: `Ev${randomUUID().slice(0, 8)}`,
        event_time: Math.floor(Date.now() / 1000),
      },
      ApiToken: 'xoxb-not-a-real-token',
    };
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
    text: options.slashCommand !== undefined ? '' : (options.buttonValue ?? options.text ?? ''),
    channelData,
  };
}
