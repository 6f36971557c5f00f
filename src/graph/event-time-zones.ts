import { dateTimeFormat } from '../intl';

/**
 * The IANA names Graph's calendar API takes as `dateTimeTimeZone.timeZone` besides Windows zone names
 * ("The TimeZone property can be set to any of the time zones supported by Windows, as well as the
 * following time zones names", https://learn.microsoft.com/graph/api/resources/datetimetimezone, the
 * "Additional time zones" list; "Methods such as create or update might not support all
 * dateTimeTimeZone time zones"). Where the page writes "Europe/Kyiv (Kiev)" both spellings are here.
 * A zone outside this list is sent as UTC: the instant is the same, and each reader's Outlook shows it
 * in their own zone.
 */
export const GRAPH_IANA_TIME_ZONES: ReadonlySet<string> = new Set([
  'Etc/GMT+12', 'Etc/GMT+11', 'Pacific/Honolulu', 'America/Anchorage', 'America/Santa_Isabel', 'America/Los_Angeles',
  'America/Phoenix', 'America/Chihuahua', 'America/Denver', 'America/Guatemala', 'America/Chicago', 'America/Mexico_City',
  'America/Regina', 'America/Bogota', 'America/New_York', 'America/Indiana/Indianapolis', 'America/Caracas',
  'America/Asuncion', 'America/Halifax', 'America/Cuiaba', 'America/La_Paz', 'America/Santiago', 'America/St_Johns',
  'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'America/Cayenne', 'America/Godthab', 'America/Montevideo',
  'America/Bahia', 'Etc/GMT+2', 'Atlantic/Azores', 'Atlantic/Cape_Verde', 'Africa/Casablanca', 'Etc/GMT',
  'Europe/London', 'Atlantic/Reykjavik', 'Europe/Berlin', 'Europe/Budapest', 'Europe/Paris', 'Europe/Warsaw',
  'Africa/Lagos', 'Africa/Windhoek', 'Europe/Bucharest', 'Asia/Beirut', 'Africa/Cairo', 'Asia/Damascus',
  'Africa/Johannesburg', 'Europe/Kyiv', 'Europe/Kiev', 'Europe/Istanbul', 'Asia/Jerusalem', 'Asia/Amman', 'Asia/Baghdad',
  'Europe/Kaliningrad', 'Asia/Riyadh', 'Africa/Nairobi', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Baku', 'Europe/Moscow',
  'Indian/Mauritius', 'Asia/Tbilisi', 'Asia/Yerevan', 'Asia/Kabul', 'Asia/Karachi', 'Asia/Tashkent', 'Asia/Kolkata',
  'Asia/Colombo', 'Asia/Kathmandu', 'Asia/Almaty', 'Asia/Dhaka', 'Asia/Yekaterinburg', 'Asia/Yangon', 'Asia/Rangoon',
  'Asia/Bangkok', 'Asia/Novosibirsk', 'Asia/Shanghai', 'Asia/Krasnoyarsk', 'Asia/Singapore', 'Australia/Perth',
  'Asia/Taipei', 'Asia/Ulaanbaatar', 'Asia/Irkutsk', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Adelaide', 'Australia/Darwin',
  'Australia/Brisbane', 'Australia/Sydney', 'Pacific/Port_Moresby', 'Australia/Hobart', 'Asia/Yakutsk',
  'Pacific/Guadalcanal', 'Asia/Vladivostok', 'Pacific/Auckland', 'Etc/GMT-12', 'Pacific/Fiji', 'Asia/Magadan',
  'Pacific/Tongatapu', 'Pacific/Apia', 'Pacific/Kiritimati',
]);

/** `UTC` is a Windows time zone id (Get-TimeZone -ListAvailable), so Graph takes it everywhere. */
export const UTC_ZONE = 'UTC';

/** The wall clock of `instant` in `timeZone` as Graph's `dateTime` (`2027-03-29T09:00:00`, no offset). */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = dateTimeFormat('wallClock', 'en-US', timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes, width = 2) => (parts.find((part) => part.type === type)?.value ?? '0').padStart(width, '0');
  return `${get('year', 4)}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
