import { messageText, readComposeInvoke, UNNAMED_FORM_WINDOW_MS } from '../../src/commands/compose-input';

const when = (now: Date) => ({ now, timeZone: 'UTC', locale: 'en-US' });
const submit = (data: Record<string, unknown>, now = new Date('2030-01-01T10:00:00Z')) => readComposeInvoke('composeExtension/submitAction', { commandId: 'startMeeting', data }, when(now));

describe('messageText: a Teams message body as the words a person reads', () => {
  it.each([
    ['<div>Budget</div><div>review</div>', 'html', ' Budget  review '],
    ['Q<b>3</b> <at id="0">Megan</at>', 'html', 'Q3 Megan'],
    ['&#x1F600; &#128512; &eacute;t&eacute; &amp;amp;', 'html', '😀 😀 &eacute;t&eacute; &amp;'],
    // A reference to a lone surrogate or past U+10FFFF is no character: dropped, not a broken string.
    ['a&#xD800;b&#1114112;c', 'html', 'abc'],
    ['<b>not markup</b> &amp;', 'text', '<b>not markup</b> &amp;'],
  ])('%p (%s) reads %p', (content, contentType, expected) => {
    expect(messageText(content, contentType)).toBe(expected);
  });

  it('reads at most the first 4096 characters of a huge or unclosed body', () => {
    expect(messageText(`<${'a'.repeat(100_000)}`, 'html')).toHaveLength(4096);
    expect(messageText('<'.repeat(100_000), 'html')).toHaveLength(4096);
  });
});

describe('the key of a submitted compose form', () => {
  it('is our form id when the form carries one', () => {
    expect(submit({ subject: 'x', formId: '3f1c-a' })).toMatchObject({ kind: 'submit', formKey: '3f1c-a' });
  });

  it('without a usable form id, is the same for the same inputs within the window, and differs for other inputs or a later window', () => {
    const key = (data: Record<string, unknown>, now?: Date) => (submit(data, now) as { formKey: string }).formKey;
    const inputs = { subject: 'Bare', date: '', time: '', duration: '60' };
    expect(key(inputs)).toMatch(/^inputs-[\w-]{43}$/);
    expect(key({ ...inputs, formId: '../../etc' })).toBe(key(inputs));
    expect(key({ ...inputs, duration: 60 })).toBe(key(inputs));
    expect(key({ ...inputs, subject: 'Other' })).not.toBe(key(inputs));
    expect(key(inputs, new Date(Date.parse('2030-01-01T10:00:00Z') + UNNAMED_FORM_WINDOW_MS))).not.toBe(key(inputs));
  });

  it('carries the inputs and the key to submit again from the "being created" dialog, and nothing else', () => {
    expect(submit({ subject: 'Plan', time: '09:00', formId: 'f1', msteams: { justInTimeInstall: true }, id: 'submitButton' })).toMatchObject({
      form: { subject: 'Plan', time: '09:00', formId: 'f1' },
    });
    expect(Object.keys((submit({ subject: 'Plan', formId: 'f1', extra: 'x' }) as { form: object }).form)).toEqual(['subject', 'formId']);
  });

  it('answers the form to a submit without inputs, and says "unknown" to another command', () => {
    expect(readComposeInvoke('composeExtension/submitAction', { commandId: 'startMeeting' }, when(new Date()))).toEqual({ kind: 'form', subject: undefined });
    expect(readComposeInvoke('composeExtension/fetchTask', { commandId: 'other' }, when(new Date()))).toEqual({ kind: 'unknown-command' });
    expect(readComposeInvoke('composeExtension/query', { commandId: 'startMeeting' }, when(new Date()))).toBeUndefined();
  });
});
