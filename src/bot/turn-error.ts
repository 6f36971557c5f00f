import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { readerContext } from './reader-context';
import { turnFailedText } from './replies';

/** The adapter's `onTurnError`: log the failure and tell the user in their language. */
export function replyOnTurnError(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error({ err: error, activityId: context.activity.id }, 'unhandled turn error');
    // Best effort: the turn already failed, and nothing here may turn that into a 5xx.
    await Promise.resolve()
      .then(() => context.sendActivity(turnFailedText(readerContext(context.activity).locale)))
      .catch(() => undefined);
  };
}
