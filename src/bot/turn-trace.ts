import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { TurnTrace } from '../ops/turn-trace';

const TRACE_KEY = Symbol('meetnow.turnTrace');

/**
 * Carries the turn's trace in botbuilder's per-turn state and times every reply sent or updated in the turn
 * (typing indicators aside), so the turn handler only says what happened.
 */
export function observeTurn(context: TurnContext, trace: TurnTrace): TurnTrace {
  context.turnState.set(TRACE_KEY, trace);
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
  return trace;
}

/** The trace observeTurn attached to this turn, if any. */
export function traceOf(context: TurnContext): TurnTrace | undefined {
  return context.turnState.get(TRACE_KEY) as TurnTrace | undefined;
}
