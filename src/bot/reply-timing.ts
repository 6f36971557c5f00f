import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { TurnTrace } from '../ops/turn-trace';

/**
 * The botbuilder glue of the turn trace: times every reply sent or updated in the turn (typing indicators
 * aside) into the trace, so the turn handler only says what happened. The trace itself is passed as a value.
 */
export function timeReplies(context: TurnContext, trace: TurnTrace): void {
  context.onSendActivities(async (_context, activities, next) => {
    if (activities.every((activity) => activity.type === ActivityTypes.Typing)) return next();
    const started = performance.now();
    try {
      return await next();
    } finally {
      trace.replySent(performance.now() - started);
    }
  });
  context.onUpdateActivity(async (_context, _activity, next) => {
    const started = performance.now();
    try {
      return await next();
    } finally {
      trace.replySent(performance.now() - started);
    }
  });
}
