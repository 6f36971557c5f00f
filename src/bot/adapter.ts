import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';

/**
 * CloudAdapter with authentication split from processing, so that every authentication failure — not only
 * botbuilder's own AuthenticationError — becomes a 401 at the HTTP edge, before any turn runs.
 */
export class MeetNowAdapter extends CloudAdapter {
  constructor(private readonly auth: BotFrameworkAuthentication) {
    super(auth);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }

  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
