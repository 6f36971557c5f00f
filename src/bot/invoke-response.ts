import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';

/** An invoke's HTTP answer: the adapter turns this activity into the response to Teams' request. */
export async function sendInvokeResponse(context: TurnContext, response: InvokeResponse): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
}
