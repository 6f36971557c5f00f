import { randomUUID } from 'node:crypto';
import { useHarness, type Harness } from '../support/harness';
import { startMeetingInvoke, startMeetingSubmit } from '../support/card-actions';
import { HEIDI, teamsMessage } from '../support/teams-activity';

/** Text built from what a sender controls (their display name, a card's inputs) keeps to the subject rules. */
describe('text built from user data', () => {
  let h: Harness;
  useHarness((harness) => (h = harness));

  // 60,000 characters of name: bidi overrides and isolates, controls, and markdown.
  const hostileName = `${'\u202eHeidi\u0000\u2066 **Steen** [x](http://e.vl)\u0007'.repeat(2_000)}`.slice(0, 60_000);
  const hostile = { ...HEIDI, name: hostileName };
  const CONTROLS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

  it('/meet tomorrow 9:00 from a 60,000-character name sends Graph a subject of at most 256 characters, without controls', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet tomorrow 9:00', from: hostile });
    await h.post(activity);
    await h.connector.waitFor(() => h.emulator.graphRequests.some((request) => request.method === 'POST' && request.status > 0));
    const subjects = h.emulator.graphRequests.map((request) => (request.body as { subject?: string } | undefined)?.subject).filter((s) => s !== undefined);
    expect(subjects).toHaveLength(1);
    const subject = subjects[0] as string;
    expect(Array.from(subject).length).toBeLessThanOrEqual(256);
    expect(subject).not.toMatch(CONTROLS);
    // The name is shortened, not refused; the rest goes to Graph verbatim.
    expect(subject.startsWith('Heidi **Steen** [x](http://e.vl)Heidi')).toBe(true);
    expect(subject.endsWith("…'s meeting")).toBe(true);
  });

  it('/meet alone pre-fills the Start card with a subject of at most 256 characters', async () => {
    const activity = teamsMessage({ serviceUrl: h.connector.serviceUrl, text: '/meet', from: hostile });
    await h.post(activity);
    const card = h.connector.messages[0]?.activity.attachments as Array<{ content: { body: Array<{ id?: string; value?: string }> } }>;
    const box = card[0]?.content.body.find((element) => element.id === 'subject');
    expect(box?.value).toBeDefined();
    expect(Array.from(box?.value ?? '').length).toBeLessThanOrEqual(256);
    expect(box?.value).not.toMatch(CONTROLS);
  });

  it('a card click with an empty subject box books "<name>\'s meeting" within the limit', async () => {
    await h.post(startMeetingSubmit({ serviceUrl: h.connector.serviceUrl, from: hostile, cardActivityId: `card-${randomUUID()}`, data: { subject: '' } }));
    await h.connector.waitFor(() => h.emulator.meetings().length === 1);
    const subject = h.emulator.meetings()[0]?.resource.subject ?? '';
    expect(Array.from(subject).length).toBeLessThanOrEqual(256);
    expect(subject).not.toMatch(CONTROLS);
  });

  it.each([
    ['an Action.Submit click', 'submit'],
    ['an Action.Execute click', 'invoke'],
  ])('a duration of [Login](http://e.vl) in %s is answered without a live link', async (_label, kind) => {
    const options = { serviceUrl: h.connector.serviceUrl, cardActivityId: `card-${randomUUID()}`, data: { subject: 'Sync', duration: '[Login](http://e.vl)' } };
    let reply: string;
    if (kind === 'submit') {
      await h.post(startMeetingSubmit(options));
      reply = String(h.connector.messages[0]?.activity.text);
    } else {
      const answer = JSON.parse((await h.post(startMeetingInvoke(options))).body) as { value: string };
      reply = answer.value;
    }
    expect(reply).toContain('is not a duration I can use');
    expect(reply).not.toMatch(/\]\(|<http|https?:\/\//);
    expect(h.emulator.graphRequests).toHaveLength(0);
  });
});
