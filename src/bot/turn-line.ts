import { ActivityTypes, TurnContext, type ConversationReference } from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { TurnLine } from './acknowledge';
import { observeTurn, traceOf } from './turn-trace';

/** The turn as acknowledge-then-continue sees it; a later answer runs in a proactive turn that carries this turn's trace. */
export function turnLine(context: TurnContext): TurnLine<TurnContext> {
  return {
    turn: context,
    typing: () => context.sendActivity({ type: ActivityTypes.Typing }),
    continueLater: (speak) => {
      const trace = traceOf(context);
      trace?.defer();
      const reference = TurnContext.getConversationReference(context.activity);
      const identity = context.turnState.get<ClaimsIdentity>(context.adapter.BotIdentityKey);
      return context.adapter
        .continueConversationAsync(identity, reference as ConversationReference, async (turn) => {
          if (trace !== undefined) observeTurn(turn, trace);
          await speak(turn);
        })
        .finally(() => trace?.end());
    },
  };
}
