import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { TurnLine } from './acknowledge';
import type { TurnTrace } from '../ops/turn-trace';
import { timeReplies } from './reply-timing';

/** The turn as acknowledge-then-continue sees it; a later answer runs in a proactive turn that carries this turn's trace. */
export function turnLine(context: TurnContext, trace: TurnTrace): TurnLine<TurnContext> {
  return {
    turn: context,
    typing: () => context.sendActivity({ type: ActivityTypes.Typing }),
    continueLater: (speak) => {
      trace.defer();
      const reference = TurnContext.getConversationReference(context.activity);
      const identity = context.turnState.get<ClaimsIdentity>(context.adapter.BotIdentityKey);
      return context.adapter
        .continueConversationAsync(identity, reference as ConversationReference, async (turn) => {
          timeReplies(turn, trace);
          await speak(turn);
        })
        .finally(() => trace.end());
    },
  };
}
