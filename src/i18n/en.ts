/**
 * Every word MeetNow says in English, the reference catalog: the other languages are typed against its
 * keys, so a missing translation does not compile. Placeholders are `{name}`.
 */
export const en = {
  // The words a user types (also the command menu's titles in the app manifest's language files)
  'command.meet': 'meet',
  'command.help': 'help',
  // The meeting card
  'meeting.kind': 'Teams meeting',
  'meeting.organizer': 'Organizer: ',
  'meeting.starts': 'Starts: ',
  'meeting.ends': 'Ends: ',
  'meeting.now': 'Now',
  'meeting.joinByPhone': 'Join by phone',
  'meeting.toll': 'Toll',
  'meeting.tollFree': 'Toll-free',
  'meeting.conferenceId': 'Conference ID',
  'meeting.passcode': 'Passcode',
  'meeting.findLocalNumber': 'Find a local number',
  'meeting.meetingId': 'Meeting ID',
  'meeting.joinWithId': 'Join with a meeting ID',
  'meeting.noDialIn': 'Dial-in is not available for this meeting.',
  'meeting.join': 'Join meeting',
  'meeting.ready': 'Your Teams meeting is ready.',
  'meeting.fallback': 'Teams meeting. Join: {url}',
  'meeting.joinLink': 'Join the meeting',
  'meeting.joinLinkLabel': 'Join link: ',
  'meeting.joinByPhoneLine': 'Join by phone: {items}',
  'meeting.joinWithIdLine': 'Join with a meeting ID: {items}',
  'meeting.inCalendar': "In {organizer}'s calendar.",
  'meeting.inCalendarInvited': "In {organizer}'s calendar · invitations sent to {names}",
  'text.title': 'Teams meeting:',
  // The "Start meeting now" card
  'start.title': 'Start a Teams meeting',
  'start.subject': 'Subject',
  'start.placeholder': 'What is the meeting about?',
  'start.when': 'When (optional, empty = now)',
  'start.date': 'Date',
  'start.time': 'Time',
  'start.duration': 'Duration (minutes)',
  'start.button': 'Start meeting now',
  'start.fallback': 'Start a Teams meeting: type /meet followed by a subject, for example /meet Quarterly numbers.',
  'start.defaultSubject': "{name}'s meeting",
  'start.defaultSubjectAnonymous': 'Teams meeting',
  'start.textOffer': 'Type /meet followed by a subject, or start "{subject}" now.',
  'start.inProgress': 'That meeting is already being started. Its card will appear here in a moment.',
  'start.alreadyStarted': 'That meeting was already started: its card with the Join button is above.',
  'start.clickNote': 'Whoever clicks first becomes the organizer; later clicks show the same meeting.',
  // The compose box (Teams messaging extension)
  'compose.button': 'Create meeting',
  'compose.note': 'You are the organizer. The meeting card goes into your message, and you decide when to send it.',
  'compose.pending': 'Your meeting is being created… Microsoft Teams is taking longer than usual. In a moment, click "{button}" to put its card into your message: this shows the same meeting and books no second one.',
  'compose.pendingButton': 'Insert the meeting',
  'compose.unknownCommand': "MeetNow can't do that. Choose \"{title}\" from MeetNow's actions instead.",
  'start.needsTime': '"{phrase}" has no time of day. Pick a time as well, or leave the date empty to start now.',
  // Cancelling a scheduled meeting from its card
  'cancel.button': 'Cancel meeting',
  'cancel.title': 'Meeting cancelled',
  'cancel.cancelledBy': 'Cancelled by {name} at {time}',
  'cancel.attendeesNotified': 'Everyone invited was sent a cancellation.',
  'cancel.onlyOrganizer': 'Only {name} can cancel this meeting: they organized it. Nothing was cancelled.',
  'cancel.onlyTheOrganizer': 'Only the person who organized this meeting can cancel it. Nothing was cancelled.',
  'cancel.inProgress': 'This meeting is being cancelled. Its card will say so in a moment.',
  'cancel.alreadyCancelled': 'That meeting was already cancelled: its card above says by whom.',
  'cancel.alreadyGone': 'There was nothing left to cancel: this meeting had already been cancelled or deleted, in Outlook or in Teams.',
  'cancel.comment': '{name} cancelled this meeting in Microsoft Teams.',
  'cancel.failed': "I couldn't cancel the meeting{support}, so it still stands. Please try again in a minute; if it keeps happening, give your admin the request id.",
  'cancel.refused': "I couldn't cancel the meeting: Microsoft Graph refused MeetNow access to your calendar or meetings{support}, so it still stands. An admin can check that MeetNow's app registration still has **Calendars.ReadWrite** (meetings in calendars) or **OnlineMeetings.ReadWrite.All** with its application access policy, and that your mailbox is within the app's scope.",
  // The welcome card
  'welcome.title': 'Hi, I’m MeetNow',
  'welcome.intro': 'I start a Teams meeting right here, with whoever asks as the organizer, and post a card with the **Join** button and the dial-in numbers.',
  'welcome.meetNow': '- **{prefix}/meet Quarterly numbers** starts one now',
  'welcome.schedule': '- **{prefix}/meet tomorrow 3pm for 45m Design review** schedules one in your time zone',
  'welcome.invite': '- **{prefix}/meet Budget with @Megan @Adele** also invites the people you mention',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** invites everyone in this channel',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** invites everyone in this chat',
  'welcome.help': '- **{prefix}help** shows all commands',
  'welcome.defaultSubject': 'Quick meeting',
  // Attendees (the meeting card's invitation lines)
  'invite.list': 'Invited: {names}',
  'invite.everyoneChannel': 'everyone in this channel ({count})',
  'invite.everyoneChat': 'everyone in this chat ({count})',
  'invite.people.one': '{count} person',
  'invite.people.other': '{count} people',
  'invite.more': '{count} more',
  'invite.colleague': 'a colleague',
  'invite.notFoundChannel': "I couldn't invite {names}: I didn't find them among the members of this channel.",
  'invite.notFoundChat': "I couldn't invite {names}: I didn't find them among the members of this chat.",
  'invite.rosterFailedChannel': "I couldn't read the member list of this channel, so only the people you mentioned were invited.",
  'invite.rosterFailedChat': "I couldn't read the member list of this chat, so only the people you mentioned were invited.",
  'invite.cappedChannel': 'This channel has more than {cap} members: I invited the first {cap}, the most MeetNow invites at once. Everyone here can still join with the button.',
  'invite.cappedChat': 'This chat has more than {cap} members: I invited the first {cap}, the most MeetNow invites at once. Everyone here can still join with the button.',
  'invite.nobodyChannel': "There's nobody else in this channel to invite.",
  'invite.nobodyChat': "There's nobody else in this chat to invite.",
  'invite.mentionsCapped': 'You mentioned more than {cap} people: I looked up the first {cap} and left the others out. Everyone can still join with the button.',
  'invite.rosterStoppedChannel': "I read the first {count} members of this channel and stopped there: anyone after them wasn't invited. Everyone here can still join with the button.",
  'invite.rosterStoppedChat': "I read the first {count} members of this chat and stopped there: anyone after them wasn't invited. Everyone here can still join with the button.",
  'invite.tags': "I can't invite the members of a tag ({tags}): mention the people, or add --channel to invite everyone here.",
  // Replies
  'reply.help':
    '**MeetNow** starts a Microsoft Teams meeting right here, with you as the organizer.\n' +
    '\n' +
    '- `/meet Quarterly numbers`: start a meeting called "Quarterly numbers" and post its join card\n' +
    '- `/meet tomorrow 3pm for 45m Design review`: schedule it, in your time zone (a subject in quotes starts now: `/meet "Monday planning"`)\n' +
    '- `/meet`: show a card where you type a subject (and, if you like, a date and time) and click **Start meeting now** (whoever clicks first is the organizer; later clicks show the same meeting)\n' +
    '- `/meet Budget with @Megan @Adele`: also invite the people you mention (they become attendees, and their names stay in the subject)\n' +
    '- `/meet Standup --channel`: invite everyone in this channel or group chat (or mention the channel or team instead of `--channel`); at most 250 people\n' +
    '- `help`: show this message\n' +
    '\n' +
    'In a channel or group chat, mention me first: `@MeetNow /meet Design review`.',
  'reply.usage': "I didn't understand that. Type `/meet` followed by a subject, for example `/meet Quarterly numbers`, or `help`.",
  'reply.subjectTooLong': 'That subject is {length} characters long; the limit is {max} characters. Please shorten it and try again.',
  'reply.creating': 'Creating your meeting… the join card will follow in a moment.',
  // Times that cannot be scheduled
  'when.noTime': '"{phrase}" has no time of day. Add one, for example `/meet tomorrow 9:00 Design review`, or put the subject in quotes to start now: `/meet "{phrase} …"`.',
  'when.past': '"{phrase}" is in the past. Pick a time ahead, for example `/meet tomorrow 9:00 Design review`.',
  'when.nonexistentTime': '"{phrase}" does not exist in your time zone ({zone}): the clocks skip that hour. Pick another time, for example an hour later.',
  'when.repeatedTime': '"{phrase}" happens twice in your time zone ({zone}) because the clocks go back. Pick a time outside that hour.',
  'when.badDuration': '"{phrase}" is not a duration I can use: give 1 minute to 24 hours, for example `for 45m` or `for 1h30`.',
  // Errors
  'error.identityMissing':
    "I can only start a meeting for a Microsoft Teams user, and this message didn't say who you are in Microsoft Entra ID (no user object id or tenant id). Please send the command from Microsoft Teams.",
  'error.identityUnmapped':
    "I don't know which Microsoft 365 account you use here, so I can't make you the organizer of a Teams meeting. Ask your Teams admin to add your chat id {senderId} to MeetNow's identity map (IDENTITY_MAP_PATH) with your Microsoft Entra object id or user principal name and your tenant id.",
  'error.identityUnverifiable':
    "I can't tell who you are on this channel: the app you're chatting from chooses the sender's id itself, so I can't make anyone the organizer of a Teams meeting here. Please start the meeting from Microsoft Teams (or from Slack, if your admin has connected MeetNow to it).",
  'error.tenantNotAllowed': "Sorry, MeetNow isn't enabled for your organization. If you need it, please ask your Teams admin.",
  'error.rateLimited': "You have started as many meetings as MeetNow allows in a short time. Please try again {when}.",
  'error.tenantRateLimited': 'Your organization is starting a lot of meetings with MeetNow right now. Please try again {when}.',
  'error.accessPolicy':
    "I couldn't create the meeting: your organization hasn't given MeetNow an **application access policy** for online meetings yet{support}.\n\nA Teams admin can fix this in PowerShell (Microsoft Teams module); it can take up to 30 minutes to apply:",
  'error.permissionMissing':
    "I couldn't create the meeting: MeetNow's app registration doesn't have the Microsoft Graph application permission **OnlineMeetings.ReadWrite.All** with admin consent{support}. An admin can add it in the Microsoft Entra admin center (App registrations → API permissions → Grant admin consent).",
  'error.calendarAccessDenied':
    "I couldn't put the meeting in your calendar: Microsoft Graph refused MeetNow access to your mailbox{support}. An admin can fix this: give MeetNow's app registration the Microsoft Graph application permission **Calendars.ReadWrite** with admin consent (Microsoft Entra admin center → App registrations → API permissions → Grant admin consent), and where Exchange Online limits which mailboxes the app may use (RBAC for Applications, or an application access policy made with `New-ApplicationAccessPolicy`), add your mailbox to its scope. Or set `SCHEDULED_MEETINGS=online` for meetings that are in no calendar.",
  'error.mailboxNotFound':
    "I couldn't put the meeting in your calendar: Microsoft 365 has no Outlook mailbox for your account that MeetNow can add events to{support}. This happens for guest accounts and accounts without an Exchange Online licence. An admin can check your account, or set `SCHEDULED_MEETINGS=online` for meetings that are in no calendar.",
  'error.directoryPermissionMissing':
    "I couldn't look up your Microsoft 365 account: MeetNow's app registration needs the Microsoft Graph application permission **User.Read.All** with admin consent to resolve user principal names{support}. An admin can add it, or map you by object id instead.",
  'error.appApiRetired':
    "I couldn't create the meeting: Microsoft Graph no longer accepts the meeting API MeetNow is set to use (`MEETINGS_API=app`, which Graph has deprecated){support}. An admin can fix this by setting `MEETINGS_API=users` (the recommended value) and restarting MeetNow.",
  'error.organizerNotFound':
    "Microsoft Teams doesn't know you as someone who can organize meetings{support}. This happens for guest accounts, accounts without a Teams licence, or accounts from another organization. Please ask your admin to check your account.",
  'error.organizerNotEligible': "Your account can't organize Teams meetings: guests and users without a Teams licence cannot{support}. Please ask your admin to check your licence.",
  'error.busy': "Microsoft Teams is busy right now and I couldn't create the meeting after several tries{support}. Please try again in a minute.",
  'error.invalidClient':
    "MeetNow couldn't sign in to Microsoft Graph: its client secret or certificate was rejected (it may have expired). Please tell your Teams admin: the MeetNow credentials need renewing.",
  'error.consentMissing': "MeetNow isn't set up in your organization yet: an admin must grant it consent. Admin consent link: {url}",
  'error.tenantNotFound': "Microsoft Entra ID doesn't recognize your organization's tenant, so MeetNow can't sign in for it. Please tell your Teams admin.",
  'error.scopeInvalid':
    "MeetNow couldn't sign in to Microsoft Graph: Microsoft Entra ID refused the permission scope MeetNow asked for. Please tell your Teams admin: MeetNow's `GRAPH_SCOPE` setting must be Microsoft Graph's address followed by `/.default` (`https://graph.microsoft.com/.default`).",
  'error.tokenFailed':
    "MeetNow couldn't get permission from Microsoft's sign-in service to create the meeting. Please try again in a minute; if it keeps happening, tell your Teams admin.",
  'error.network': "I couldn't reach Microsoft's meeting service in time. Please try again in a minute.",
  'error.eventWithoutMeeting': 'Your meeting is in your calendar and the invitations are sent, but Teams has not given it a join link yet{support}. Open it from your calendar in Teams or Outlook in a moment; sending the request again would book a second meeting.',
  'error.generic': 'Something went wrong while creating the meeting{support}. Please try again; if it keeps happening, give your admin the request id.',
  'error.supportSuffix': ' (request id {requestId})',
  'error.turnFailed': 'Sorry, something went wrong on my side. Please try again.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;
