import { randomUUID } from 'node:crypto';
import { teamsMessage, type TeamsMessageOptions } from './teams-activity';

/**
 * The compose box's invokes as Teams sends them, after Microsoft's examples:
 * https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module
 * (fetchTask from compose, the command box and a message) and
 * https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit
 * (submitAction: `value.data` holds the form's inputs and the submit action's data).
 */
export type CommandContext = 'compose' | 'commandBox' | 'message';

export interface ComposeInvokeOptions extends TeamsMessageOptions {
  commandId?: string;
  commandContext?: CommandContext;
}

function composeInvoke(name: string, options: ComposeInvokeOptions, value: Record<string, unknown>): Record<string, unknown> {
  const { commandId, commandContext, ...message } = options;
  const context = commandContext ?? 'compose';
  const activity = teamsMessage({ ...message, id: options.id ?? `f:${randomUUID()}` });
  return {
    ...activity,
    type: 'invoke',
    name,
    // Teams names where the dialog was opened from in channelData.source as well.
    channelData: { ...(activity.channelData as Record<string, unknown>), source: { name: context } },
    value: { commandId: commandId ?? 'startMeeting', commandContext: context, requestId: randomUUID().replace(/-/g, ''), context: { theme: 'default' }, ...value },
  };
}

/** The message a command was opened on, shaped like Microsoft's `messagePayload` example (HTML body). */
export function messagePayload(html: string): Record<string, unknown> {
  return {
    linkToMessage: 'https://teams.microsoft.com/l/message/19:6decf54d86d945e4b3924b63a9161a78@thread.skype/1611060744833',
    id: '1611060744833',
    replyToId: null,
    createdDateTime: '2021-01-19T12:52:24.833Z',
    lastModifiedDateTime: null,
    deleted: false,
    summary: null,
    importance: 'normal',
    locale: 'en-us',
    body: { contentType: 'html', content: html },
    from: { device: null, conversation: null, user: { userIdentityType: 'aadUser', id: 'b130c271-d2eb-45f9-83ab-9eb3fe3788bc', displayName: 'Olo Brockhouse' }, application: null },
    reactions: [],
    attachments: [],
  };
}

/** `composeExtension/fetchTask`: the user picked MeetNow's action (with `payload` when opened on a message). */
export function fetchTask(options: ComposeInvokeOptions & { payload?: Record<string, unknown> }): Record<string, unknown> {
  const { payload, ...rest } = options;
  return composeInvoke('composeExtension/fetchTask', rest, payload === undefined ? {} : { messagePayload: payload });
}

/** `composeExtension/submitAction`: the dialog's form submitted with `data`. */
export function submitAction(options: ComposeInvokeOptions & { data: Record<string, unknown> }): Record<string, unknown> {
  const { data, ...rest } = options;
  return composeInvoke('composeExtension/submitAction', rest, { data });
}
