import { FaultQueue } from '../../src/emulator/faults';
import type { OnlineMeeting } from '../../src/emulator/meeting-resources';
import { MeetingStore } from '../../src/emulator/meeting-store';

const meeting = (id: string, externalId?: string) => ({
  api: 'v1.0' as const,
  id,
  organizerId: 'ORG',
  tenantId: 't',
  externalId,
  resource: { id } as OnlineMeeting,
});

describe('emulator meeting store', () => {
  it('finds meetings by (organizer, externalId), organizer ids compared case-insensitively', () => {
    const store = new MeetingStore(10);
    store.add(meeting('m1', 'ext'));
    expect(store.findByClientKey('org', 'ext')?.id).toBe('m1');
    expect(store.findByClientKey('org', 'EXT')).toBeUndefined();
  });

  it('forgets the oldest meetings past its bound, external ids included', () => {
    const store = new MeetingStore(2);
    store.add(meeting('m1', 'a'));
    store.add(meeting('m2', 'b'));
    store.add(meeting('m3', 'c'));
    expect(store.all().map((m) => m.id)).toEqual(['m2', 'm3']);
    expect(store.findByClientKey('org', 'a')).toBeUndefined();
    expect(store.findByClientKey('org', 'c')?.id).toBe('m3');
  });
});

describe('emulator fault queue', () => {
  it('serves faults per target, in order, each for its number of times', () => {
    const faults = new FaultQueue();
    faults.inject({ target: 'graph', status: 429, times: 2 });
    faults.inject({ target: 'token', status: 503 });
    faults.inject({ target: 'graph', drop: true });
    expect(faults.take('token')?.status).toBe(503);
    expect(faults.take('token')).toBeUndefined();
    expect(faults.take('graph')?.status).toBe(429);
    expect(faults.take('graph')?.status).toBe(429);
    expect(faults.take('graph')?.drop).toBe(true);
    expect(faults.take('graph')).toBeUndefined();
  });
});
