import { MeetNowError } from '../../src/errors';
import { MeetingCancellation, type CancelRequest } from '../../src/meetings/cancellation';
import type { Organizer } from '../../src/meetings/meeting';
import { MemoryDedupeStore } from '../../src/meetings/memory-dedupe-store';
import type { MeetingCanceller } from '../../src/meetings/ports';
import { Gate } from '../support/gate';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const HEIDI: Organizer = { objectId: '550fae72-d251-43ec-868c-373732c2704f', tenantId: TENANT, displayName: 'Heidi Steen' };
const MEGAN: Organizer = { objectId: '0f3c6a52-91d6-4c3e-a1a3-2b1c9e4d7f10', tenantId: TENANT, displayName: 'Megan Bowen' };
const EVENT_ID = 'AAMkAGI2TGuLAAA=';
const MEETING_ID = 'MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyZTRiNjQqMCoq';

/** Graph as a fake port: records each call in the organizer's name, or fails with `failure`. */
class FakeCanceller implements MeetingCanceller {
  readonly calls: string[] = [];
  failure?: Error;
  /** Holds the calls while a test acts. */
  readonly gate = new Gate();

  async cancelEvent(organizer: Organizer, eventId: string, comment: string): Promise<void> {
    this.calls.push(`cancel ${organizer.objectId} ${eventId} "${comment}"`);
    await this.gate.pass();
    if (this.failure !== undefined) throw this.failure;
  }

  async deleteOnlineMeeting(organizer: Organizer, meetingId: string): Promise<void> {
    this.calls.push(`delete ${organizer.objectId} ${meetingId}`);
    await this.gate.pass();
    if (this.failure !== undefined) throw this.failure;
  }
}

function setUp() {
  const api = new FakeCanceller();
  const cancellation = new MeetingCancellation({ api, dedupe: new MemoryDedupeStore() });
  return { api, cancellation };
}

const byHeidi = (overrides: Partial<CancelRequest> = {}): CancelRequest => ({
  clicker: HEIDI,
  organizerId: HEIDI.objectId,
  organizerName: 'Heidi Steen',
  target: { kind: 'event', id: EVENT_ID },
  subject: 'Design review',
  comment: 'Heidi Steen cancelled this meeting in Microsoft Teams.',
  ...overrides,
});

describe('MeetingCancellation', () => {
  it("cancels the organizer's calendar event in the organizer's own mailbox, with the comment for the attendees", async () => {
    const { api, cancellation } = setUp();
    const outcome = await cancellation.cancel(byHeidi());
    expect(api.calls).toEqual([`cancel ${HEIDI.objectId} ${EVENT_ID} "Heidi Steen cancelled this meeting in Microsoft Teams."`]);
    expect(outcome).toMatchObject({ kind: 'cancelled', created: true, cancellation: { subject: 'Design review', cancelledBy: 'Heidi Steen', calendar: true } });
  });

  it('deletes a standalone online meeting', async () => {
    const { api, cancellation } = setUp();
    const outcome = await cancellation.cancel(byHeidi({ target: { kind: 'online-meeting', id: MEETING_ID } }));
    expect(api.calls).toEqual([`delete ${HEIDI.objectId} ${MEETING_ID}`]);
    expect(outcome).toMatchObject({ kind: 'cancelled', cancellation: { calendar: false } });
  });

  it('the object id compares without regard to case (Teams and Graph spell GUIDs either way)', async () => {
    const { api, cancellation } = setUp();
    await cancellation.cancel(byHeidi({ organizerId: HEIDI.objectId.toUpperCase() }));
    expect(api.calls).toHaveLength(1);
  });

  it("someone else's click cancels nothing, calls nothing and names the organizer", async () => {
    const { api, cancellation } = setUp();
    expect(await cancellation.cancel(byHeidi({ clicker: MEGAN }))).toEqual({ kind: 'not-organizer', organizerName: 'Heidi Steen' });
    expect(api.calls).toEqual([]);
    // …and took no claim: the organizer's own click still cancels.
    expect(await cancellation.cancel(byHeidi())).toMatchObject({ kind: 'cancelled', created: true });
  });

  it('a forged card naming the clicker as organizer reaches only the clicker’s mailbox, and cannot block the real organizer', async () => {
    const { api, cancellation } = setUp();
    api.failure = new MeetNowError('graph_organizer_not_found', 'not found', { status: 404, graphCode: 'ErrorItemNotFound' });
    expect(await cancellation.cancel(byHeidi({ clicker: MEGAN, organizerId: MEGAN.objectId }))).toEqual({ kind: 'already-gone' });
    expect(api.calls).toEqual([`cancel ${MEGAN.objectId} ${EVENT_ID} "Heidi Steen cancelled this meeting in Microsoft Teams."`]);
    api.failure = undefined;
    expect(await cancellation.cancel(byHeidi())).toMatchObject({ kind: 'cancelled', created: true });
  });

  it('a second click calls nothing and is shown the first cancellation', async () => {
    const { api, cancellation } = setUp();
    const first = await cancellation.cancel(byHeidi());
    const second = await cancellation.cancel(byHeidi({ comment: 'again' }));
    expect(api.calls).toHaveLength(1);
    expect(second).toEqual({ ...first, created: false });
  });

  it('a click while the first is still cancelling calls nothing and says so', async () => {
    const { api, cancellation } = setUp();
    api.gate.hold();
    const first = cancellation.cancel(byHeidi());
    expect(await cancellation.cancel(byHeidi())).toEqual({ kind: 'being-cancelled' });
    api.gate.release();
    expect(await first).toMatchObject({ kind: 'cancelled', created: true });
    expect(api.calls).toHaveLength(1);
  });

  it('a store that cannot keep the result does not turn a done cancel into a failure, and lets the next click ask Graph again', async () => {
    const api = new FakeCanceller();
    const store = new MemoryDedupeStore();
    const cancellation = new MeetingCancellation({ api, dedupe: Object.assign(Object.create(store) as MemoryDedupeStore, { remember: () => Promise.reject(new Error('Redis went away')) }) });
    expect(await cancellation.cancel(byHeidi())).toMatchObject({ kind: 'cancelled', created: true });
    // Graph now answers that the event is gone, which the second click is told (not "being cancelled" for a day).
    api.failure = new MeetNowError('graph_organizer_not_found', 'not found', { status: 404, graphCode: 'ErrorItemNotFound' });
    expect(await cancellation.cancel(byHeidi())).toEqual({ kind: 'already-gone' });
    expect(api.calls).toHaveLength(2);
  });

  it('a failed call releases the claim, so that the organizer can try again', async () => {
    const { api, cancellation } = setUp();
    api.failure = new MeetNowError('graph_unavailable', 'busy', { status: 503 });
    await expect(cancellation.cancel(byHeidi())).rejects.toMatchObject({ code: 'graph_unavailable' });
    api.failure = undefined;
    expect(await cancellation.cancel(byHeidi())).toMatchObject({ kind: 'cancelled', created: true });
    expect(api.calls).toHaveLength(2);
  });

  it("Graph's 404 for the meeting (cancelled in Outlook meanwhile) is an outcome, remembered for later clicks", async () => {
    const { api, cancellation } = setUp();
    api.failure = new MeetNowError('graph_organizer_not_found', 'gone', { status: 404, graphCode: 'ErrorItemNotFound' });
    expect(await cancellation.cancel(byHeidi())).toEqual({ kind: 'already-gone' });
    expect(await cancellation.cancel(byHeidi())).toEqual({ kind: 'already-gone' });
    expect(api.calls).toHaveLength(1);
  });

  it("a 404 for the mailbox itself is a failure to report, not a cancelled meeting", async () => {
    const { api, cancellation } = setUp();
    api.failure = new MeetNowError('graph_organizer_not_found', 'no mailbox', { status: 404, graphCode: 'MailboxNotEnabledForRESTAPI' });
    await expect(cancellation.cancel(byHeidi())).rejects.toMatchObject({ graphCode: 'MailboxNotEnabledForRESTAPI' });
  });
});
