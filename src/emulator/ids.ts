import { createHash, randomInt, randomUUID } from 'node:crypto';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value);
}

/** For strings that stay strings either way (a path segment that is an id or a UPN). */
export function looksLikeGuid(value: string): boolean {
  return GUID.test(value);
}

export function newGuid(): string {
  return randomUUID();
}

/** A stable GUID derived from its inputs, e.g. one service principal object id per (app, tenant). */
export function derivedGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

const PASSCODE_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomPasscode(length: number): string {
  let out = '';
  while (out.length < length) out += PASSCODE_ALPHABET.charAt(randomInt(0, PASSCODE_ALPHABET.length));
  return out;
}
