/** DESIGN §4: longer subjects are refused with a message that states this limit. */
export const MAX_SUBJECT_LENGTH = 256;

// C0/C1 controls, and the bidi overrides/isolates that can make a subject read differently from what it is.
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Trims, removes control characters and folds inner whitespace runs into one space. */
export function normalizeSubject(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Length in characters as a person counts them (code points, not UTF-16 units). */
export function subjectLength(subject: string): number {
  // Without building an array of code points: a /meet argument can be 256 KB.
  let length = subject.length;
  for (let i = 0; i < subject.length; i += 1) {
    const unit = subject.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && subject.charCodeAt(i - 1) >= 0xd800 && subject.charCodeAt(i - 1) <= 0xdbff) length -= 1;
  }
  return length;
}

/** `text` cut to at most `max` characters, an ellipsis marking the cut (for names and phrases we echo, never for a typed subject). */
export function shortenSubject(text: string, max: number): string {
  if (subjectLength(text) <= max) return text;
  return `${Array.from(text.slice(0, 2 * max)).slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** The longest person's name a reply or card shows (Entra allows 256; Teams clients can send any length). */
export const MAX_NAME_LENGTH = 128;

/** A person's name as replies and cards show it: by the subject rules, and shortened past MAX_NAME_LENGTH. */
export function displayName(name: string): string {
  return shortenSubject(normalizeSubject(name), MAX_NAME_LENGTH);
}
