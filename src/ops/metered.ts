import { asMeetNowError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/http-client';
import type { CreateMeetingInput, Meeting } from '../meetings/meeting';
import type { MeetingsApi, RateDecision, RateLimiter, RateQuota } from '../meetings/ports';
import type { MeetNowMetrics } from './metrics';

/** Counts every meeting creation by API and outcome, wherever it comes from. */
export class MeteredMeetingsApi implements MeetingsApi {
  constructor(
    private readonly inner: MeetingsApi,
    private readonly metrics: MeetNowMetrics,
    private readonly api: string,
  ) {}

  async createMeeting(input: CreateMeetingInput): Promise<Meeting> {
    try {
      const meeting = await this.inner.createMeeting(input);
      this.metrics.meeting(this.api, meeting.created ? 'created' : 'existing');
      return meeting;
    } catch (error) {
      this.metrics.meeting(this.api, asMeetNowError(error).code);
      throw error;
    }
  }
}

/** The Graph client's HTTP port, counting the calls that got no HTTP answer at all. */
export class MeteredGraphHttp implements HttpClient {
  constructor(
    private readonly inner: HttpClient,
    private readonly metrics: MeetNowMetrics,
  ) {}

  async send(req: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.inner.send(req);
    } catch (error) {
      this.metrics.graphUnreachable();
      throw error;
    }
  }

  /** The inner client is shared with the token provider: its owner closes it. */
  async close(): Promise<void> {}
}

/** The meeting limits, counting their refusals by scope (organizer or tenant). */
export class MeteredRateLimiter implements RateLimiter {
  constructor(
    private readonly inner: RateLimiter,
    private readonly metrics: MeetNowMetrics,
  ) {}

  async take(quotas: readonly RateQuota[]): Promise<RateDecision> {
    const decision = await this.inner.take(quotas);
    if (!decision.allowed) this.metrics.rateLimited(decision.scope);
    return decision;
  }
}
