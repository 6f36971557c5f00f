import { randomUUID } from 'node:crypto';
import { teamsMessage, type TeamsMessageOptions } from './teams-activity';

/** An `Action.Execute` click on the "Start meeting now" card (Teams sends an `adaptiveCard/action` invoke). */
export function startMeetingInvoke(options: TeamsMessageOptions & { cardActivityId: string; data?: Record<string, unknown> }): Record<string, unknown> {
  const { cardActivityId, data, ...message } = options;
  return {
    ...teamsMessage({ ...message, id: options.id ?? `f:${randomUUID()}` }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: cardActivityId,
    value: { action: { type: 'Action.Execute', verb: 'startMeeting', data: { action: 'startMeeting', subject: 'Card meeting', ...data } }, trigger: 'manual' },
  };
}

/** The `Action.Submit` fallback of the same click: a message whose `value` is the card's data. */
export function startMeetingSubmit(options: TeamsMessageOptions & { cardActivityId: string; data?: Record<string, unknown> }): Record<string, unknown> {
  const { cardActivityId, data, ...message } = options;
  return teamsMessage({ ...message, replyToId: cardActivityId, value: { action: 'startMeeting', subject: 'Card meeting', ...data } });
}
