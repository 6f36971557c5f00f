import type { CallObserver } from '../meetings/call-observer';
import type { Organizer } from '../meetings/meeting';
import type { MeetingCanceller } from '../meetings/ports';
import { calendarAccessRefusal } from './calendar-meetings-api';
import type { GraphClient } from './graph-client';

/** Calls meetings off through Graph, in the organizer's name (app-only, like creating them). */
export class GraphMeetingCanceller implements MeetingCanceller {
  constructor(private readonly graph: GraphClient) {}

  /**
   * `POST /users/{id}/events/{id}/cancel` with `{ "Comment": … }`: 202 Accepted, the attendees get the
   * cancellation with the comment (https://learn.microsoft.com/graph/api/event-cancel, application permission
   * Calendars.ReadWrite; only the organizer's event can be cancelled). A second cancel is Graph's 404.
   */
  async cancelEvent(organizer: Organizer, eventId: string, comment: string, observer?: CallObserver): Promise<void> {
    const path = `/v1.0/users/${encodeURIComponent(organizer.objectId)}/events/${encodeURIComponent(eventId)}/cancel`;
    try {
      await this.graph.post(organizer.tenantId, path, { Comment: comment }, { operation: 'POST /v1.0/users/{id}/events/{id}/cancel', observer });
    } catch (error) {
      throw calendarAccessRefusal(error);
    }
  }

  /**
   * `DELETE /users/{id}/onlineMeetings/{id}`: 204 No Content (https://learn.microsoft.com/graph/api/onlinemeeting-delete,
   * application permission OnlineMeetings.ReadWrite.All with the application access policy). Deleting again is a 404.
   */
  async deleteOnlineMeeting(organizer: Organizer, meetingId: string, observer?: CallObserver): Promise<void> {
    const path = `/v1.0/users/${encodeURIComponent(organizer.objectId)}/onlineMeetings/${encodeURIComponent(meetingId)}`;
    await this.graph.delete(organizer.tenantId, path, { operation: 'DELETE /v1.0/users/{id}/onlineMeetings/{id}', observer });
  }
}
