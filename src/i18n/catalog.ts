/**
 * Every word MeetNow says, per language. English is the reference: the other catalogs are typed against
 * its keys, so a missing translation does not compile. Placeholders are `{name}`.
 */
const en = {
  // The meeting card
  'meeting.kind': 'Teams meeting',
  'meeting.organizer': 'Organizer: ',
  'meeting.starts': 'Starts: ',
  'meeting.ends': 'Ends: ',
  'meeting.joinByPhone': 'Join by phone',
  'meeting.toll': 'Toll',
  'meeting.tollFree': 'Toll-free',
  'meeting.conferenceId': 'Conference ID',
  'meeting.passcode': 'Passcode',
  'meeting.localNumbers': 'Local numbers',
  'meeting.meetingId': 'Meeting ID',
  'meeting.noDialIn': 'Dial-in is not available for this meeting.',
  'meeting.join': 'Join meeting',
  'meeting.startedBy': 'Started by {name} at {time}',
  'meeting.ready': 'Your Teams meeting is ready.',
  'meeting.fallback': 'Teams meeting. Join: {url}',
  'meeting.joinLink': 'Join the meeting',
  'meeting.joinLinkLabel': 'Join link: ',
  'meeting.joinByPhoneLine': 'Join by phone: {items}',
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
  'start.needsTime': '"{phrase}" has no time of day. Pick a time as well, or leave the date empty to start now.',
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
  'invite.everyoneChannel': 'Invited: everyone in this channel ({count})',
  'invite.everyoneChat': 'Invited: everyone in this chat ({count})',
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
  'error.generic': 'Something went wrong while creating the meeting{support}. Please try again; if it keeps happening, give your admin the request id.',
  'error.supportSuffix': ' (request id {requestId})',
  'error.turnFailed': 'Sorry, something went wrong on my side. Please try again.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

const de: Catalog = {
  'meeting.kind': 'Teams-Besprechung',
  'meeting.organizer': 'Organisator: ',
  'meeting.starts': 'Beginn: ',
  'meeting.ends': 'Ende: ',
  'meeting.joinByPhone': 'Per Telefon teilnehmen',
  'meeting.toll': 'Gebührenpflichtig',
  'meeting.tollFree': 'Gebührenfrei',
  'meeting.conferenceId': 'Konferenz-ID',
  'meeting.passcode': 'Kennung',
  'meeting.localNumbers': 'Lokale Nummern',
  'meeting.meetingId': 'Besprechungs-ID',
  'meeting.noDialIn': 'Für diese Besprechung ist keine Einwahl per Telefon verfügbar.',
  'meeting.join': 'An Besprechung teilnehmen',
  'meeting.startedBy': 'Gestartet von {name} um {time}',
  'meeting.ready': 'Ihre Teams-Besprechung ist bereit.',
  'meeting.fallback': 'Teams-Besprechung. Teilnehmen: {url}',
  'meeting.joinLink': 'An der Besprechung teilnehmen',
  'meeting.joinLinkLabel': 'Teilnahmelink: ',
  'meeting.joinByPhoneLine': 'Per Telefon teilnehmen: {items}',
  'text.title': 'Teams-Besprechung:',
  'start.title': 'Eine Teams-Besprechung starten',
  'start.subject': 'Betreff',
  'start.placeholder': 'Worum geht es?',
  'start.when': 'Wann (optional, leer = jetzt)',
  'start.date': 'Datum',
  'start.time': 'Uhrzeit',
  'start.duration': 'Dauer (Minuten)',
  'start.button': 'Besprechung jetzt starten',
  'start.fallback': 'Eine Teams-Besprechung starten: /meet und einen Betreff eingeben, zum Beispiel /meet Quartalszahlen.',
  'start.defaultSubject': 'Besprechung von {name}',
  'start.defaultSubjectAnonymous': 'Teams-Besprechung',
  'start.textOffer': 'Geben Sie /meet und einen Betreff ein, oder starten Sie jetzt „{subject}“.',
  'start.inProgress': 'Diese Besprechung wird gerade gestartet. Ihre Karte erscheint gleich hier.',
  'start.alreadyStarted': 'Diese Besprechung wurde bereits gestartet: Ihre Karte mit der Schaltfläche zum Teilnehmen steht weiter oben.',
  'start.clickNote': 'Wer zuerst klickt, wird Organisator; spätere Klicks zeigen dieselbe Besprechung.',
  'start.needsTime': '„{phrase}“ hat keine Uhrzeit. Wählen Sie auch eine Uhrzeit, oder lassen Sie das Datum leer, um jetzt zu starten.',
  'welcome.title': 'Hallo, ich bin MeetNow',
  'welcome.intro': 'Ich starte hier eine Teams-Besprechung, mit der anfragenden Person als Organisator, und poste eine Karte mit der Schaltfläche **Teilnehmen** und den Einwahlnummern.',
  'welcome.meetNow': '- **{prefix}/meet Quartalszahlen** startet jetzt eine',
  'welcome.schedule': '- **{prefix}/meet morgen 15 Uhr für 45m Design-Review** plant eine in Ihrer Zeitzone',
  'welcome.invite': '- **{prefix}/meet Budget mit @Megan @Adele** lädt auch die erwähnten Personen ein',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** lädt alle in diesem Kanal ein',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** lädt alle in diesem Chat ein',
  'welcome.help': '- **{prefix}help** zeigt alle Befehle',
  'welcome.defaultSubject': 'Kurze Besprechung',
  'invite.list': 'Eingeladen: {names}',
  'invite.everyoneChannel': 'Eingeladen: alle in diesem Kanal ({count})',
  'invite.everyoneChat': 'Eingeladen: alle in diesem Chat ({count})',
  'invite.people.one': '{count} Person',
  'invite.people.other': '{count} Personen',
  'invite.more': '{count} weitere',
  'invite.colleague': 'eine Kollegin oder ein Kollege',
  'invite.notFoundChannel': '{names} konnte ich nicht einladen: Ich habe sie nicht unter den Mitgliedern dieses Kanals gefunden.',
  'invite.notFoundChat': '{names} konnte ich nicht einladen: Ich habe sie nicht unter den Mitgliedern dieses Chats gefunden.',
  'invite.rosterFailedChannel': 'Ich konnte die Mitgliederliste dieses Kanals nicht lesen, daher wurden nur die erwähnten Personen eingeladen.',
  'invite.rosterFailedChat': 'Ich konnte die Mitgliederliste dieses Chats nicht lesen, daher wurden nur die erwähnten Personen eingeladen.',
  'invite.cappedChannel': 'Dieser Kanal hat mehr als {cap} Mitglieder: Ich habe die ersten {cap} eingeladen, mehr lädt MeetNow nicht auf einmal ein. Alle hier können trotzdem über die Schaltfläche teilnehmen.',
  'invite.cappedChat': 'Dieser Chat hat mehr als {cap} Mitglieder: Ich habe die ersten {cap} eingeladen, mehr lädt MeetNow nicht auf einmal ein. Alle hier können trotzdem über die Schaltfläche teilnehmen.',
  'invite.nobodyChannel': 'In diesem Kanal gibt es sonst niemanden zum Einladen.',
  'invite.nobodyChat': 'In diesem Chat gibt es sonst niemanden zum Einladen.',
  'invite.mentionsCapped': 'Sie haben mehr als {cap} Personen erwähnt: Ich habe die ersten {cap} nachgeschlagen und die übrigen ausgelassen. Alle können trotzdem über die Schaltfläche teilnehmen.',
  'invite.rosterStoppedChannel': 'Ich habe die ersten {count} Mitglieder dieses Kanals gelesen und dort aufgehört: Wer danach kommt, wurde nicht eingeladen. Alle hier können trotzdem über die Schaltfläche teilnehmen.',
  'invite.rosterStoppedChat': 'Ich habe die ersten {count} Mitglieder dieses Chats gelesen und dort aufgehört: Wer danach kommt, wurde nicht eingeladen. Alle hier können trotzdem über die Schaltfläche teilnehmen.',
  'invite.tags': 'Die Mitglieder eines Tags ({tags}) kann ich nicht einladen: Erwähnen Sie die Personen, oder fügen Sie --channel hinzu, um alle hier einzuladen.',
  'reply.help':
    '**MeetNow** startet hier eine Microsoft Teams-Besprechung, mit Ihnen als Organisator.\n' +
    '\n' +
    '- `/meet Quartalszahlen`: startet eine Besprechung „Quartalszahlen“ und zeigt ihre Teilnahmekarte\n' +
    '- `/meet morgen 15 Uhr für 45m Design-Review`: plant sie, in Ihrer Zeitzone (ein Betreff in Anführungszeichen startet jetzt: `/meet "Montag Planung"`)\n' +
    '- `/meet`: zeigt eine Karte, in der Sie einen Betreff (und auf Wunsch Datum und Uhrzeit) eingeben und **Besprechung jetzt starten** klicken (wer zuerst klickt, wird Organisator; spätere Klicks zeigen dieselbe Besprechung)\n' +
    '- `/meet Budget mit @Megan @Adele`: lädt auch die erwähnten Personen ein (sie werden Teilnehmer, ihre Namen bleiben im Betreff)\n' +
    '- `/meet Standup --channel`: lädt alle in diesem Kanal oder Gruppenchat ein (oder erwähnen Sie statt `--channel` den Kanal oder das Team); höchstens 250 Personen\n' +
    '- `help`: zeigt diese Hilfe\n' +
    '\n' +
    'In einem Kanal oder Gruppenchat erwähnen Sie mich zuerst: `@MeetNow /meet Design-Review`.',
  'reply.usage': 'Das habe ich nicht verstanden. Geben Sie `/meet` und einen Betreff ein, zum Beispiel `/meet Quartalszahlen`, oder `help`.',
  'reply.subjectTooLong': 'Dieser Betreff ist {length} Zeichen lang; erlaubt sind {max} Zeichen. Bitte kürzen Sie ihn und versuchen Sie es erneut.',
  'reply.creating': 'Ihre Besprechung wird erstellt… die Teilnahmekarte folgt gleich.',
  'when.noTime': '„{phrase}“ enthält keine Uhrzeit. Ergänzen Sie eine, zum Beispiel `/meet morgen 9:00 Design-Review`, oder setzen Sie den Betreff in Anführungszeichen, um jetzt zu starten: `/meet "{phrase} …"`.',
  'when.past': '„{phrase}“ liegt in der Vergangenheit. Wählen Sie eine spätere Zeit, zum Beispiel `/meet morgen 9:00 Design-Review`.',
  'when.nonexistentTime': '„{phrase}“ gibt es in Ihrer Zeitzone ({zone}) nicht: Die Uhren überspringen diese Stunde. Wählen Sie eine andere Zeit, etwa eine Stunde später.',
  'when.repeatedTime': '„{phrase}“ gibt es in Ihrer Zeitzone ({zone}) zweimal, weil die Uhren zurückgestellt werden. Wählen Sie eine Zeit außerhalb dieser Stunde.',
  'when.badDuration': '„{phrase}“ ist keine gültige Dauer: Erlaubt sind 1 Minute bis 24 Stunden, zum Beispiel `für 45m` oder `für 1h30`.',
  'error.identityMissing':
    'Ich kann nur für Microsoft Teams-Benutzer eine Besprechung starten, und diese Nachricht sagt nicht, wer Sie in Microsoft Entra ID sind (keine Objekt-ID oder Mandanten-ID). Bitte senden Sie den Befehl aus Microsoft Teams.',
  'error.identityUnmapped':
    'Ich weiß nicht, welches Microsoft 365-Konto Sie hier verwenden, daher kann ich Sie nicht zum Organisator einer Teams-Besprechung machen. Bitten Sie Ihren Teams-Administrator, Ihre Chat-ID {senderId} mit Ihrer Microsoft Entra-Objekt-ID oder Ihrem Benutzerprinzipalnamen und Ihrer Mandanten-ID in die Identitätszuordnung von MeetNow (IDENTITY_MAP_PATH) aufzunehmen.',
  'error.identityUnverifiable':
    'Auf diesem Kanal kann ich nicht feststellen, wer Sie sind: Die App, aus der Sie schreiben, legt die Absender-ID selbst fest, daher kann ich hier niemanden zum Organisator einer Teams-Besprechung machen. Bitte starten Sie die Besprechung aus Microsoft Teams (oder aus Slack, falls Ihr Administrator MeetNow dort verbunden hat).',
  'error.tenantNotAllowed': 'MeetNow ist für Ihre Organisation leider nicht freigegeben. Wenn Sie es benötigen, wenden Sie sich bitte an Ihren Teams-Administrator.',
  'error.rateLimited': 'Sie haben in kurzer Zeit so viele Besprechungen gestartet, wie MeetNow erlaubt. Bitte versuchen Sie es {when} erneut.',
  'error.tenantRateLimited': 'Ihre Organisation startet gerade sehr viele Besprechungen mit MeetNow. Bitte versuchen Sie es {when} erneut.',
  'error.accessPolicy':
    'Die Besprechung konnte nicht erstellt werden: Ihre Organisation hat MeetNow noch keine **Anwendungszugriffsrichtlinie** (application access policy) für Onlinebesprechungen erteilt{support}.\n\nEin Teams-Administrator kann das in PowerShell (Microsoft Teams-Modul) beheben; es kann bis zu 30 Minuten dauern, bis es wirkt:',
  'error.permissionMissing':
    'Die Besprechung konnte nicht erstellt werden: Die App-Registrierung von MeetNow hat nicht die Microsoft Graph-Anwendungsberechtigung **OnlineMeetings.ReadWrite.All** mit Administratorzustimmung{support}. Ein Administrator kann sie im Microsoft Entra Admin Center hinzufügen (App-Registrierungen → API-Berechtigungen → Administratorzustimmung erteilen).',
  'error.directoryPermissionMissing':
    'Ihr Microsoft 365-Konto konnte nicht nachgeschlagen werden: Die App-Registrierung von MeetNow benötigt die Microsoft Graph-Anwendungsberechtigung **User.Read.All** mit Administratorzustimmung, um Benutzerprinzipalnamen aufzulösen{support}. Ein Administrator kann sie hinzufügen oder Sie stattdessen über die Objekt-ID zuordnen.',
  'error.appApiRetired':
    'Die Besprechung konnte nicht erstellt werden: Microsoft Graph nimmt die Besprechungs-API, auf die MeetNow eingestellt ist, nicht mehr an (`MEETINGS_API=app`, von Graph als veraltet markiert){support}. Ein Administrator kann das beheben, indem er `MEETINGS_API=users` (den empfohlenen Wert) setzt und MeetNow neu startet.',
  'error.organizerNotFound':
    'Microsoft Teams kennt Sie nicht als Person, die Besprechungen organisieren kann{support}. Das betrifft Gastkonten, Konten ohne Teams-Lizenz oder Konten einer anderen Organisation. Bitte lassen Sie Ihr Konto von Ihrem Administrator prüfen.',
  'error.organizerNotEligible': 'Ihr Konto kann keine Teams-Besprechungen organisieren: Gäste und Benutzer ohne Teams-Lizenz können das nicht{support}. Bitte lassen Sie Ihre Lizenz prüfen.',
  'error.busy': 'Microsoft Teams ist gerade ausgelastet, und die Besprechung konnte auch nach mehreren Versuchen nicht erstellt werden{support}. Bitte versuchen Sie es in einer Minute erneut.',
  'error.invalidClient':
    'MeetNow konnte sich nicht bei Microsoft Graph anmelden: Der geheime Clientschlüssel oder das Zertifikat wurde abgelehnt (evtl. abgelaufen). Bitte informieren Sie Ihren Teams-Administrator: Die Anmeldedaten von MeetNow müssen erneuert werden.',
  'error.consentMissing': 'MeetNow ist in Ihrer Organisation noch nicht eingerichtet: Ein Administrator muss zustimmen. Link zur Administratorzustimmung: {url}',
  'error.tenantNotFound': 'Microsoft Entra ID kennt den Mandanten Ihrer Organisation nicht, daher kann sich MeetNow dafür nicht anmelden. Bitte informieren Sie Ihren Teams-Administrator.',
  'error.scopeInvalid':
    'MeetNow konnte sich nicht bei Microsoft Graph anmelden: Microsoft Entra ID hat den angeforderten Berechtigungsbereich (Scope) abgelehnt. Bitte informieren Sie Ihren Teams-Administrator: Die Einstellung `GRAPH_SCOPE` von MeetNow muss die Adresse von Microsoft Graph gefolgt von `/.default` sein (`https://graph.microsoft.com/.default`).',
  'error.tokenFailed':
    'MeetNow hat vom Microsoft-Anmeldedienst keine Berechtigung zum Erstellen der Besprechung erhalten. Bitte versuchen Sie es in einer Minute erneut; wenn es weiter auftritt, informieren Sie Ihren Teams-Administrator.',
  'error.network': 'Der Besprechungsdienst von Microsoft war nicht rechtzeitig erreichbar. Bitte versuchen Sie es in einer Minute erneut.',
  'error.generic': 'Beim Erstellen der Besprechung ist ein Fehler aufgetreten{support}. Bitte versuchen Sie es erneut; wenn es weiter auftritt, geben Sie Ihrem Administrator die Anforderungs-ID.',
  'error.supportSuffix': ' (Anforderungs-ID {requestId})',
  'error.turnFailed': 'Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
};

const fr: Catalog = {
  'meeting.kind': 'Réunion Teams',
  'meeting.organizer': 'Organisateur : ',
  'meeting.starts': 'Début : ',
  'meeting.ends': 'Fin : ',
  'meeting.joinByPhone': 'Rejoindre par téléphone',
  'meeting.toll': 'Payant',
  'meeting.tollFree': 'Gratuit',
  'meeting.conferenceId': 'ID de conférence',
  'meeting.passcode': 'Code secret',
  'meeting.localNumbers': 'Numéros locaux',
  'meeting.meetingId': 'ID de réunion',
  'meeting.noDialIn': "L'accès par téléphone n'est pas disponible pour cette réunion.",
  'meeting.join': 'Rejoindre la réunion',
  'meeting.startedBy': 'Démarrée par {name} à {time}',
  'meeting.ready': 'Votre réunion Teams est prête.',
  'meeting.fallback': 'Réunion Teams. Rejoindre : {url}',
  'meeting.joinLink': 'Rejoindre la réunion',
  'meeting.joinLinkLabel': 'Lien pour rejoindre : ',
  'meeting.joinByPhoneLine': 'Rejoindre par téléphone : {items}',
  'text.title': 'Réunion Teams :',
  'start.title': 'Démarrer une réunion Teams',
  'start.subject': 'Objet',
  'start.placeholder': 'De quoi parle la réunion ?',
  'start.when': 'Quand (facultatif, vide = maintenant)',
  'start.date': 'Date',
  'start.time': 'Heure',
  'start.duration': 'Durée (minutes)',
  'start.button': 'Démarrer la réunion maintenant',
  'start.fallback': 'Démarrer une réunion Teams : tapez /meet suivi d’un objet, par exemple /meet Chiffres du trimestre.',
  'start.defaultSubject': 'Réunion de {name}',
  'start.defaultSubjectAnonymous': 'Réunion Teams',
  'start.textOffer': 'Tapez /meet suivi d’un objet, ou démarrez « {subject} » maintenant.',
  'start.inProgress': 'Cette réunion est déjà en cours de démarrage. Sa carte va apparaître ici dans un instant.',
  'start.alreadyStarted': 'Cette réunion a déjà été démarrée : sa carte avec le bouton pour rejoindre se trouve plus haut.',
  'start.clickNote': 'La première personne qui clique devient l’organisateur ; les clics suivants affichent la même réunion.',
  'start.needsTime': '« {phrase} » n’indique pas d’heure. Choisissez aussi une heure, ou laissez la date vide pour démarrer maintenant.',
  'welcome.title': 'Bonjour, je suis MeetNow',
  'welcome.intro': 'Je démarre une réunion Teams ici même, avec la personne qui la demande comme organisateur, et je publie une carte avec le bouton **Rejoindre** et les numéros d’accès par téléphone.',
  'welcome.meetNow': '- **{prefix}/meet Chiffres du trimestre** en démarre une maintenant',
  'welcome.schedule': '- **{prefix}/meet demain 15h pour 45m Revue de conception** en planifie une dans votre fuseau horaire',
  'welcome.invite': '- **{prefix}/meet Budget avec @Megan @Adele** invite aussi les personnes mentionnées',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** invite tout le monde dans ce canal',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** invite tout le monde dans cette conversation',
  'welcome.help': '- **{prefix}help** affiche toutes les commandes',
  'welcome.defaultSubject': 'Réunion rapide',
  'invite.list': 'Invités : {names}',
  'invite.everyoneChannel': 'Invités : tout le monde dans ce canal ({count})',
  'invite.everyoneChat': 'Invités : tout le monde dans cette conversation ({count})',
  'invite.people.one': '{count} personne',
  'invite.people.other': '{count} personnes',
  'invite.more': '{count} de plus',
  'invite.colleague': 'un collègue',
  'invite.notFoundChannel': 'Je n’ai pas pu inviter {names} : introuvable parmi les membres de ce canal.',
  'invite.notFoundChat': 'Je n’ai pas pu inviter {names} : introuvable parmi les membres de cette conversation.',
  'invite.rosterFailedChannel': 'Je n’ai pas pu lire la liste des membres de ce canal : seules les personnes mentionnées ont été invitées.',
  'invite.rosterFailedChat': 'Je n’ai pas pu lire la liste des membres de cette conversation : seules les personnes mentionnées ont été invitées.',
  'invite.cappedChannel': 'Ce canal compte plus de {cap} membres : j’ai invité les {cap} premiers, le maximum que MeetNow invite en une fois. Tout le monde ici peut quand même rejoindre avec le bouton.',
  'invite.cappedChat': 'Cette conversation compte plus de {cap} membres : j’ai invité les {cap} premiers, le maximum que MeetNow invite en une fois. Tout le monde ici peut quand même rejoindre avec le bouton.',
  'invite.nobodyChannel': 'Il n’y a personne d’autre à inviter dans ce canal.',
  'invite.nobodyChat': 'Il n’y a personne d’autre à inviter dans cette conversation.',
  'invite.mentionsCapped': 'Vous avez mentionné plus de {cap} personnes : j’ai recherché les {cap} premières et laissé les autres de côté. Tout le monde peut quand même rejoindre avec le bouton.',
  'invite.rosterStoppedChannel': 'J’ai lu les {count} premiers membres de ce canal et je me suis arrêté là : les suivants n’ont pas été invités. Tout le monde ici peut quand même rejoindre avec le bouton.',
  'invite.rosterStoppedChat': 'J’ai lu les {count} premiers membres de cette conversation et je me suis arrêté là : les suivants n’ont pas été invités. Tout le monde ici peut quand même rejoindre avec le bouton.',
  'invite.tags': 'Je ne peux pas inviter les membres d’une balise ({tags}) : mentionnez les personnes, ou ajoutez --channel pour inviter tout le monde ici.',
  'reply.help':
    '**MeetNow** démarre une réunion Microsoft Teams ici même, dont vous êtes l’organisateur.\n' +
    '\n' +
    '- `/meet Chiffres du trimestre` : démarre une réunion « Chiffres du trimestre » et publie sa carte pour la rejoindre\n' +
    '- `/meet demain 15h pour 45m Revue de conception` : la planifie, dans votre fuseau horaire (un objet entre guillemets démarre maintenant : `/meet "Lundi planning"`)\n' +
    '- `/meet` : affiche une carte où vous saisissez un objet (et, si vous le souhaitez, une date et une heure) puis cliquez sur **Démarrer la réunion maintenant** (la première personne qui clique est l’organisateur ; les clics suivants affichent la même réunion)\n' +
    '- `/meet Budget avec @Megan @Adele` : invite aussi les personnes mentionnées (elles deviennent participantes et leurs noms restent dans l’objet)\n' +
    '- `/meet Standup --channel` : invite tout le monde dans ce canal ou cette conversation de groupe (ou mentionnez le canal ou l’équipe au lieu de `--channel`) ; 250 personnes au maximum\n' +
    '- `help` : affiche ce message\n' +
    '\n' +
    'Dans un canal ou une conversation de groupe, mentionnez-moi d’abord : `@MeetNow /meet Revue de conception`.',
  'reply.usage': "Je n'ai pas compris. Tapez `/meet` suivi d’un objet, par exemple `/meet Chiffres du trimestre`, ou `help`.",
  'reply.subjectTooLong': 'Cet objet compte {length} caractères ; la limite est de {max} caractères. Raccourcissez-le puis réessayez.',
  'reply.creating': 'Création de votre réunion… la carte suit dans un instant.',
  'when.noTime': '« {phrase} » ne précise pas l’heure. Ajoutez-la, par exemple `/meet demain 9h00 Revue de conception`, ou mettez l’objet entre guillemets pour démarrer maintenant : `/meet "{phrase} …"`.',
  'when.past': '« {phrase} » est déjà passé. Choisissez une heure à venir, par exemple `/meet demain 9h00 Revue de conception`.',
  'when.nonexistentTime': '« {phrase} » n’existe pas dans votre fuseau horaire ({zone}) : les horloges sautent cette heure. Choisissez une autre heure, par exemple une heure plus tard.',
  'when.repeatedTime': '« {phrase} » existe deux fois dans votre fuseau horaire ({zone}) car les horloges reculent. Choisissez une heure en dehors de cette plage.',
  'when.badDuration': '« {phrase} » n’est pas une durée utilisable : indiquez de 1 minute à 24 heures, par exemple `pour 45m` ou `pour 1h30`.',
  'error.identityMissing':
    "Je ne peux démarrer une réunion que pour un utilisateur Microsoft Teams, et ce message n'indique pas qui vous êtes dans Microsoft Entra ID (ni ID d’objet ni ID de locataire). Envoyez la commande depuis Microsoft Teams.",
  'error.identityUnmapped':
    "Je ne sais pas quel compte Microsoft 365 vous utilisez ici, je ne peux donc pas faire de vous l’organisateur d’une réunion Teams. Demandez à votre administrateur Teams d’ajouter votre identifiant de chat {senderId} à la table d’identités de MeetNow (IDENTITY_MAP_PATH) avec votre ID d’objet Microsoft Entra ou votre nom d’utilisateur principal et votre ID de locataire.",
  'error.identityUnverifiable':
    "Je ne peux pas savoir qui vous êtes sur ce canal : l’application depuis laquelle vous écrivez choisit elle-même l’identifiant de l’expéditeur, je ne peux donc faire de personne l’organisateur d’une réunion Teams ici. Démarrez la réunion depuis Microsoft Teams (ou depuis Slack, si votre administrateur y a connecté MeetNow).",
  'error.tenantNotAllowed': "Désolé, MeetNow n'est pas activé pour votre organisation. Si vous en avez besoin, adressez-vous à votre administrateur Teams.",
  'error.rateLimited': 'Vous avez démarré en peu de temps autant de réunions que MeetNow le permet. Réessayez {when}.',
  'error.tenantRateLimited': 'Votre organisation démarre beaucoup de réunions avec MeetNow en ce moment. Réessayez {when}.',
  'error.accessPolicy':
    "Impossible de créer la réunion : votre organisation n'a pas encore accordé à MeetNow de **stratégie d’accès aux applications** (application access policy) pour les réunions en ligne{support}.\n\nUn administrateur Teams peut corriger cela dans PowerShell (module Microsoft Teams) ; l’application peut prendre jusqu’à 30 minutes :",
  'error.permissionMissing':
    "Impossible de créer la réunion : l’inscription d’application de MeetNow n’a pas l’autorisation d’application Microsoft Graph **OnlineMeetings.ReadWrite.All** avec consentement administrateur{support}. Un administrateur peut l’ajouter dans le centre d’administration Microsoft Entra (Inscriptions d’applications → Autorisations d’API → Accorder le consentement administrateur).",
  'error.directoryPermissionMissing':
    'Impossible de trouver votre compte Microsoft 365 : l’inscription d’application de MeetNow a besoin de l’autorisation d’application Microsoft Graph **User.Read.All** avec consentement administrateur pour résoudre les noms d’utilisateur principaux{support}. Un administrateur peut l’ajouter, ou vous associer par ID d’objet.',
  'error.appApiRetired':
    "Impossible de créer la réunion : Microsoft Graph n’accepte plus l’API de réunion que MeetNow est configuré pour utiliser (`MEETINGS_API=app`, dépréciée par Graph){support}. Un administrateur peut corriger cela en définissant `MEETINGS_API=users` (la valeur recommandée) puis en redémarrant MeetNow.",
  'error.organizerNotFound':
    "Microsoft Teams ne vous connaît pas comme une personne pouvant organiser des réunions{support}. C’est le cas des comptes invités, des comptes sans licence Teams ou des comptes d’une autre organisation. Demandez à votre administrateur de vérifier votre compte.",
  'error.organizerNotEligible': 'Votre compte ne peut pas organiser de réunions Teams : les invités et les utilisateurs sans licence Teams ne le peuvent pas{support}. Demandez à votre administrateur de vérifier votre licence.',
  'error.busy': "Microsoft Teams est très sollicité en ce moment et je n'ai pas pu créer la réunion après plusieurs essais{support}. Réessayez dans une minute.",
  'error.invalidClient':
    "MeetNow n'a pas pu se connecter à Microsoft Graph : son secret client ou son certificat a été refusé (il a peut-être expiré). Prévenez votre administrateur Teams : les identifiants de MeetNow doivent être renouvelés.",
  'error.consentMissing': "MeetNow n'est pas encore configuré dans votre organisation : un administrateur doit donner son consentement. Lien de consentement administrateur : {url}",
  'error.tenantNotFound': "Microsoft Entra ID ne reconnaît pas le locataire de votre organisation, MeetNow ne peut donc pas s’y connecter. Prévenez votre administrateur Teams.",
  'error.scopeInvalid':
    "MeetNow n'a pas pu se connecter à Microsoft Graph : Microsoft Entra ID a refusé l’étendue d’autorisation (scope) demandée. Prévenez votre administrateur Teams : le paramètre `GRAPH_SCOPE` de MeetNow doit être l’adresse de Microsoft Graph suivie de `/.default` (`https://graph.microsoft.com/.default`).",
  'error.tokenFailed':
    "MeetNow n'a pas obtenu l’autorisation du service de connexion Microsoft pour créer la réunion. Réessayez dans une minute ; si cela persiste, prévenez votre administrateur Teams.",
  'error.network': "Le service de réunions de Microsoft n'a pas répondu à temps. Réessayez dans une minute.",
  'error.generic': "Une erreur s'est produite lors de la création de la réunion{support}. Réessayez ; si cela persiste, donnez l’ID de requête à votre administrateur.",
  'error.supportSuffix': ' (ID de requête {requestId})',
  'error.turnFailed': "Désolé, quelque chose s'est mal passé de mon côté. Réessayez.",
};

const es: Catalog = {
  'meeting.kind': 'Reunión de Teams',
  'meeting.organizer': 'Organizador: ',
  'meeting.starts': 'Empieza: ',
  'meeting.ends': 'Termina: ',
  'meeting.joinByPhone': 'Unirse por teléfono',
  'meeting.toll': 'De pago',
  'meeting.tollFree': 'Gratuito',
  'meeting.conferenceId': 'Id. de conferencia',
  'meeting.passcode': 'Código de acceso',
  'meeting.localNumbers': 'Números locales',
  'meeting.meetingId': 'Id. de reunión',
  'meeting.noDialIn': 'La llamada por teléfono no está disponible para esta reunión.',
  'meeting.join': 'Unirse a la reunión',
  'meeting.startedBy': 'Iniciada por {name} a las {time}',
  'meeting.ready': 'Tu reunión de Teams está lista.',
  'meeting.fallback': 'Reunión de Teams. Unirse: {url}',
  'meeting.joinLink': 'Unirse a la reunión',
  'meeting.joinLinkLabel': 'Enlace para unirse: ',
  'meeting.joinByPhoneLine': 'Unirse por teléfono: {items}',
  'text.title': 'Reunión de Teams:',
  'start.title': 'Iniciar una reunión de Teams',
  'start.subject': 'Asunto',
  'start.placeholder': '¿De qué trata la reunión?',
  'start.when': 'Cuándo (opcional, vacío = ahora)',
  'start.date': 'Fecha',
  'start.time': 'Hora',
  'start.duration': 'Duración (minutos)',
  'start.button': 'Iniciar reunión ahora',
  'start.fallback': 'Iniciar una reunión de Teams: escribe /meet seguido de un asunto, por ejemplo /meet Cifras trimestrales.',
  'start.defaultSubject': 'Reunión de {name}',
  'start.defaultSubjectAnonymous': 'Reunión de Teams',
  'start.textOffer': 'Escribe /meet seguido de un asunto, o inicia «{subject}» ahora.',
  'start.inProgress': 'Esa reunión ya se está iniciando. Su tarjeta aparecerá aquí en un momento.',
  'start.alreadyStarted': 'Esa reunión ya se inició: su tarjeta con el botón para unirse está más arriba.',
  'start.clickNote': 'Quien haga clic primero será el organizador; los clics posteriores muestran la misma reunión.',
  'start.needsTime': '«{phrase}» no indica la hora. Elige también una hora, o deja la fecha vacía para empezar ahora.',
  'welcome.title': 'Hola, soy MeetNow',
  'welcome.intro': 'Inicio una reunión de Teams aquí mismo, con quien la pida como organizador, y publico una tarjeta con el botón **Unirse** y los números de acceso telefónico.',
  'welcome.meetNow': '- **{prefix}/meet Cifras trimestrales** inicia una ahora',
  'welcome.schedule': '- **{prefix}/meet mañana a las 15:00 por 45m Revisión de diseño** programa una en tu zona horaria',
  'welcome.invite': '- **{prefix}/meet Presupuesto con @Megan @Adele** invita también a las personas que menciones',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** invita a todos los de este canal',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** invita a todos los de este chat',
  'welcome.help': '- **{prefix}help** muestra todos los comandos',
  'welcome.defaultSubject': 'Reunión rápida',
  'invite.list': 'Invitados: {names}',
  'invite.everyoneChannel': 'Invitados: todos los de este canal ({count})',
  'invite.everyoneChat': 'Invitados: todos los de este chat ({count})',
  'invite.people.one': '{count} persona',
  'invite.people.other': '{count} personas',
  'invite.more': '{count} más',
  'invite.colleague': 'un compañero',
  'invite.notFoundChannel': 'No pude invitar a {names}: no los encontré entre los miembros de este canal.',
  'invite.notFoundChat': 'No pude invitar a {names}: no los encontré entre los miembros de este chat.',
  'invite.rosterFailedChannel': 'No pude leer la lista de miembros de este canal, así que solo se invitó a las personas que mencionaste.',
  'invite.rosterFailedChat': 'No pude leer la lista de miembros de este chat, así que solo se invitó a las personas que mencionaste.',
  'invite.cappedChannel': 'Este canal tiene más de {cap} miembros: invité a los primeros {cap}, el máximo que MeetNow invita a la vez. Todos aquí pueden unirse igualmente con el botón.',
  'invite.cappedChat': 'Este chat tiene más de {cap} miembros: invité a los primeros {cap}, el máximo que MeetNow invita a la vez. Todos aquí pueden unirse igualmente con el botón.',
  'invite.nobodyChannel': 'No hay nadie más en este canal a quien invitar.',
  'invite.nobodyChat': 'No hay nadie más en este chat a quien invitar.',
  'invite.mentionsCapped': 'Mencionaste a más de {cap} personas: busqué a las primeras {cap} y dejé fuera a las demás. Todos pueden unirse igualmente con el botón.',
  'invite.rosterStoppedChannel': 'Leí los primeros {count} miembros de este canal y me detuve ahí: los siguientes no fueron invitados. Todos aquí pueden unirse igualmente con el botón.',
  'invite.rosterStoppedChat': 'Leí los primeros {count} miembros de este chat y me detuve ahí: los siguientes no fueron invitados. Todos aquí pueden unirse igualmente con el botón.',
  'invite.tags': 'No puedo invitar a los miembros de una etiqueta ({tags}): menciona a las personas o añade --channel para invitar a todos aquí.',
  'reply.help':
    '**MeetNow** inicia una reunión de Microsoft Teams aquí mismo, contigo como organizador.\n' +
    '\n' +
    '- `/meet Cifras trimestrales`: inicia una reunión llamada «Cifras trimestrales» y publica su tarjeta para unirse\n' +
    '- `/meet mañana a las 15:00 por 45m Revisión de diseño`: la programa, en tu zona horaria (un asunto entre comillas empieza ahora: `/meet "Lunes planificación"`)\n' +
    '- `/meet`: muestra una tarjeta donde escribes un asunto (y, si quieres, una fecha y una hora) y haces clic en **Iniciar reunión ahora** (quien haga clic primero es el organizador; los clics posteriores muestran la misma reunión)\n' +
    '- `/meet Presupuesto con @Megan @Adele`: invita también a las personas que menciones (pasan a ser asistentes y sus nombres quedan en el asunto)\n' +
    '- `/meet Standup --channel`: invita a todos los de este canal o chat de grupo (o menciona el canal o el equipo en lugar de `--channel`); 250 personas como máximo\n' +
    '- `help`: muestra este mensaje\n' +
    '\n' +
    'En un canal o chat de grupo, mencióname primero: `@MeetNow /meet Revisión de diseño`.',
  'reply.usage': 'No te he entendido. Escribe `/meet` seguido de un asunto, por ejemplo `/meet Cifras trimestrales`, o `help`.',
  'reply.subjectTooLong': 'Ese asunto tiene {length} caracteres; el límite es de {max}. Acórtalo e inténtalo de nuevo.',
  'reply.creating': 'Creando tu reunión… la tarjeta llegará en un momento.',
  'when.noTime': '«{phrase}» no indica la hora. Añádela, por ejemplo `/meet mañana a las 9:00 Revisión de diseño`, o pon el asunto entre comillas para empezar ahora: `/meet "{phrase} …"`.',
  'when.past': '«{phrase}» ya ha pasado. Elige una hora futura, por ejemplo `/meet mañana a las 9:00 Revisión de diseño`.',
  'when.nonexistentTime': '«{phrase}» no existe en tu zona horaria ({zone}): los relojes se saltan esa hora. Elige otra hora, por ejemplo una hora más tarde.',
  'when.repeatedTime': '«{phrase}» ocurre dos veces en tu zona horaria ({zone}) porque los relojes se atrasan. Elige una hora fuera de ese intervalo.',
  'when.badDuration': '«{phrase}» no es una duración válida: indica de 1 minuto a 24 horas, por ejemplo `por 45m` o `por 1h30`.',
  'error.identityMissing':
    'Solo puedo iniciar una reunión para un usuario de Microsoft Teams, y este mensaje no indica quién eres en Microsoft Entra ID (sin id. de objeto ni id. de inquilino). Envía el comando desde Microsoft Teams.',
  'error.identityUnmapped':
    'No sé qué cuenta de Microsoft 365 usas aquí, así que no puedo hacerte organizador de una reunión de Teams. Pide a tu administrador de Teams que añada tu id. de chat {senderId} al mapa de identidades de MeetNow (IDENTITY_MAP_PATH) con tu id. de objeto de Microsoft Entra o tu nombre principal de usuario y tu id. de inquilino.',
  'error.identityUnverifiable':
    'No puedo saber quién eres en este canal: la aplicación desde la que escribes elige ella misma el id. del remitente, así que aquí no puedo hacer a nadie organizador de una reunión de Teams. Inicia la reunión desde Microsoft Teams (o desde Slack, si tu administrador ha conectado MeetNow allí).',
  'error.tenantNotAllowed': 'Lo sentimos, MeetNow no está habilitado para tu organización. Si lo necesitas, consulta a tu administrador de Teams.',
  'error.rateLimited': 'Has iniciado en poco tiempo tantas reuniones como MeetNow permite. Inténtalo de nuevo {when}.',
  'error.tenantRateLimited': 'Tu organización está iniciando muchas reuniones con MeetNow en este momento. Inténtalo de nuevo {when}.',
  'error.accessPolicy':
    'No se pudo crear la reunión: tu organización aún no ha concedido a MeetNow una **directiva de acceso de aplicaciones** (application access policy) para reuniones en línea{support}.\n\nUn administrador de Teams puede solucionarlo en PowerShell (módulo Microsoft Teams); puede tardar hasta 30 minutos en aplicarse:',
  'error.permissionMissing':
    'No se pudo crear la reunión: el registro de aplicación de MeetNow no tiene el permiso de aplicación de Microsoft Graph **OnlineMeetings.ReadWrite.All** con consentimiento de administrador{support}. Un administrador puede añadirlo en el centro de administración de Microsoft Entra (Registros de aplicaciones → Permisos de API → Conceder consentimiento de administrador).',
  'error.directoryPermissionMissing':
    'No se pudo buscar tu cuenta de Microsoft 365: el registro de aplicación de MeetNow necesita el permiso de aplicación de Microsoft Graph **User.Read.All** con consentimiento de administrador para resolver nombres principales de usuario{support}. Un administrador puede añadirlo o asignarte por id. de objeto.',
  'error.appApiRetired':
    'No se pudo crear la reunión: Microsoft Graph ya no acepta la API de reuniones que MeetNow tiene configurada (`MEETINGS_API=app`, obsoleta en Graph){support}. Un administrador puede solucionarlo configurando `MEETINGS_API=users` (el valor recomendado) y reiniciando MeetNow.',
  'error.organizerNotFound':
    'Microsoft Teams no te reconoce como alguien que pueda organizar reuniones{support}. Ocurre con cuentas de invitado, cuentas sin licencia de Teams o cuentas de otra organización. Pide a tu administrador que revise tu cuenta.',
  'error.organizerNotEligible': 'Tu cuenta no puede organizar reuniones de Teams: los invitados y los usuarios sin licencia de Teams no pueden{support}. Pide a tu administrador que revise tu licencia.',
  'error.busy': 'Microsoft Teams está muy ocupado ahora y no pude crear la reunión tras varios intentos{support}. Inténtalo de nuevo en un minuto.',
  'error.invalidClient':
    'MeetNow no pudo iniciar sesión en Microsoft Graph: se rechazó su secreto de cliente o su certificado (puede haber caducado). Avisa a tu administrador de Teams: hay que renovar las credenciales de MeetNow.',
  'error.consentMissing': 'MeetNow aún no está configurado en tu organización: un administrador debe dar su consentimiento. Enlace de consentimiento de administrador: {url}',
  'error.tenantNotFound': 'Microsoft Entra ID no reconoce el inquilino de tu organización, así que MeetNow no puede iniciar sesión en él. Avisa a tu administrador de Teams.',
  'error.scopeInvalid':
    'MeetNow no pudo iniciar sesión en Microsoft Graph: Microsoft Entra ID rechazó el ámbito de permisos (scope) que pidió MeetNow. Avisa a tu administrador de Teams: el ajuste `GRAPH_SCOPE` de MeetNow debe ser la dirección de Microsoft Graph seguida de `/.default` (`https://graph.microsoft.com/.default`).',
  'error.tokenFailed':
    'MeetNow no obtuvo permiso del servicio de inicio de sesión de Microsoft para crear la reunión. Inténtalo de nuevo en un minuto; si persiste, avisa a tu administrador de Teams.',
  'error.network': 'El servicio de reuniones de Microsoft no respondió a tiempo. Inténtalo de nuevo en un minuto.',
  'error.generic': 'Algo salió mal al crear la reunión{support}. Inténtalo de nuevo; si persiste, da a tu administrador el id. de solicitud.',
  'error.supportSuffix': ' (id. de solicitud {requestId})',
  'error.turnFailed': 'Lo siento, algo salió mal por mi parte. Inténtalo de nuevo.',
};

const ja: Catalog = {
  'meeting.kind': 'Teams 会議',
  'meeting.organizer': '開催者: ',
  'meeting.starts': '開始: ',
  'meeting.ends': '終了: ',
  'meeting.joinByPhone': '電話で参加',
  'meeting.toll': '有料',
  'meeting.tollFree': '無料',
  'meeting.conferenceId': '電話会議 ID',
  'meeting.passcode': 'パスコード',
  'meeting.localNumbers': '各地のアクセス番号',
  'meeting.meetingId': '会議 ID',
  'meeting.noDialIn': 'この会議では電話での参加はできません。',
  'meeting.join': '会議に参加',
  'meeting.startedBy': '{name} が {time} に開始',
  'meeting.ready': 'Teams 会議の準備ができました。',
  'meeting.fallback': 'Teams 会議。参加: {url}',
  'meeting.joinLink': '会議に参加',
  'meeting.joinLinkLabel': '参加リンク: ',
  'meeting.joinByPhoneLine': '電話で参加: {items}',
  'text.title': 'Teams 会議:',
  'start.title': 'Teams 会議を開始',
  'start.subject': '件名',
  'start.placeholder': '会議の内容は?',
  'start.when': '日時 (任意、空欄 = 今すぐ)',
  'start.date': '日付',
  'start.time': '時刻',
  'start.duration': '所要時間 (分)',
  'start.button': '今すぐ会議を開始',
  'start.fallback': 'Teams 会議を開始するには、/meet に続けて件名を入力してください (例: /meet 四半期の数字)。',
  'start.defaultSubject': '{name} さんの会議',
  'start.defaultSubjectAnonymous': 'Teams 会議',
  'start.textOffer': '/meet に続けて件名を入力するか、「{subject}」を今すぐ開始してください。',
  'start.inProgress': 'その会議は開始処理中です。まもなくここにカードが表示されます。',
  'start.alreadyStarted': 'その会議はすでに開始されています。参加ボタンのあるカードは上にあります。',
  'start.clickNote': '最初にクリックした人が開催者になります。その後のクリックでは同じ会議が表示されます。',
  'start.needsTime': '「{phrase}」には時刻がありません。時刻も選ぶか、今すぐ開始する場合は日付を空欄にしてください。',
  'welcome.title': 'こんにちは、MeetNow です',
  'welcome.intro': 'この場で Teams 会議を開始し (依頼した人が開催者になります)、**参加** ボタンと電話の参加番号を載せたカードを投稿します。',
  'welcome.meetNow': '- **{prefix}/meet 四半期の数字** で今すぐ開始します',
  'welcome.schedule': '- **{prefix}/meet 明日 15時 for 45m デザインレビュー** であなたのタイム ゾーンで予約します',
  'welcome.invite': '- **{prefix}/meet 予算 @Megan @Adele** でメンションした人も招待します',
  'welcome.everyoneChannel': '- **{prefix}/meet 朝会 --channel** でこのチャネルの全員を招待します',
  'welcome.everyoneChat': '- **{prefix}/meet 朝会 --channel** でこのチャットの全員を招待します',
  'welcome.help': '- **{prefix}help** ですべてのコマンドを表示します',
  'welcome.defaultSubject': 'クイック会議',
  'invite.list': '招待済み: {names}',
  'invite.everyoneChannel': '招待済み: このチャネルの全員 ({count})',
  'invite.everyoneChat': '招待済み: このチャットの全員 ({count})',
  'invite.people.one': '{count} 人',
  'invite.people.other': '{count} 人',
  'invite.more': 'ほか {count} 人',
  'invite.colleague': '同僚',
  'invite.notFoundChannel': '{names} を招待できませんでした。このチャネルのメンバーに見つかりませんでした。',
  'invite.notFoundChat': '{names} を招待できませんでした。このチャットのメンバーに見つかりませんでした。',
  'invite.rosterFailedChannel': 'このチャネルのメンバー一覧を読み取れなかったため、メンションした人だけを招待しました。',
  'invite.rosterFailedChat': 'このチャットのメンバー一覧を読み取れなかったため、メンションした人だけを招待しました。',
  'invite.cappedChannel': 'このチャネルには {cap} 人を超えるメンバーがいます。MeetNow が一度に招待できる上限の {cap} 人を招待しました。ほかの人もボタンから参加できます。',
  'invite.cappedChat': 'このチャットには {cap} 人を超えるメンバーがいます。MeetNow が一度に招待できる上限の {cap} 人を招待しました。ほかの人もボタンから参加できます。',
  'invite.nobodyChannel': 'このチャネルにはほかに招待できる人がいません。',
  'invite.nobodyChat': 'このチャットにはほかに招待できる人がいません。',
  'invite.mentionsCapped': '{cap} 人を超える人がメンションされました。最初の {cap} 人だけを検索し、ほかの人は招待していません。全員がボタンから参加できます。',
  'invite.rosterStoppedChannel': 'このチャネルのメンバーは最初の {count} 人まで読み取って止めました。それ以降の人は招待していません。全員がボタンから参加できます。',
  'invite.rosterStoppedChat': 'このチャットのメンバーは最初の {count} 人まで読み取って止めました。それ以降の人は招待していません。全員がボタンから参加できます。',
  'invite.tags': 'タグ ({tags}) のメンバーは招待できません。個人をメンションするか、--channel を付けてここの全員を招待してください。',
  'reply.help':
    '**MeetNow** はこの場で Microsoft Teams 会議を開始します。開催者はあなたです。\n' +
    '\n' +
    '- `/meet 四半期の数字`: 「四半期の数字」という会議を開始し、参加カードを投稿します\n' +
    '- `/meet 明日 15時 for 45m デザインレビュー`: あなたのタイム ゾーンで予約します (件名を引用符で囲むと今すぐ開始: `/meet "月曜 計画"`)\n' +
    '- `/meet`: 件名 (必要なら日付と時刻も) を入力して **今すぐ会議を開始** を押すカードを表示します (最初に押した人が開催者になり、その後は同じ会議が表示されます)\n' +
    '- `/meet 予算 @Megan @Adele`: メンションした人も招待します (出席者になり、名前は件名に残ります)\n' +
    '- `/meet 朝会 --channel`: このチャネルまたはグループ チャットの全員を招待します (`--channel` の代わりにチャネルやチームをメンションしても可)。最大 250 人\n' +
    '- `help`: このメッセージを表示します\n' +
    '\n' +
    'チャネルやグループ チャットでは、先にメンションしてください: `@MeetNow /meet デザインレビュー`。',
  'reply.usage': '理解できませんでした。`/meet` に続けて件名を入力してください (例: `/meet 四半期の数字`)。または `help` と入力してください。',
  'reply.subjectTooLong': '件名が {length} 文字あります。上限は {max} 文字です。短くしてもう一度お試しください。',
  'reply.creating': '会議を作成しています… まもなく参加カードが届きます。',
  'when.noTime': '「{phrase}」には時刻がありません。時刻を追加するか (例: `/meet 明日 9:00 デザインレビュー`)、今すぐ開始する場合は件名を引用符で囲んでください: `/meet "{phrase} …"`。',
  'when.past': '「{phrase}」は過去の日時です。これからの時刻を指定してください (例: `/meet 明日 9:00 デザインレビュー`)。',
  'when.nonexistentTime': '「{phrase}」はあなたのタイム ゾーン ({zone}) には存在しません (時計がその 1 時間を飛ばします)。別の時刻、たとえば 1 時間後を指定してください。',
  'when.repeatedTime': '「{phrase}」はあなたのタイム ゾーン ({zone}) では時計が戻るため 2 回あります。その 1 時間以外の時刻を指定してください。',
  'when.badDuration': '「{phrase}」は使用できる所要時間ではありません。1 分から 24 時間の範囲で指定してください (例: `for 45m`、`for 1h30`)。',
  'error.identityMissing':
    '会議を開始できるのは Microsoft Teams ユーザーだけですが、このメッセージには Microsoft Entra ID でのあなたの情報 (オブジェクト ID またはテナント ID) がありません。Microsoft Teams からコマンドを送信してください。',
  'error.identityUnmapped':
    'ここで使用している Microsoft 365 アカウントがわからないため、あなたを Teams 会議の開催者にできません。Teams 管理者に、チャット ID {senderId} を Microsoft Entra のオブジェクト ID またはユーザー プリンシパル名とテナント ID とともに MeetNow の ID マップ (IDENTITY_MAP_PATH) に追加するよう依頼してください。',
  'error.identityUnverifiable':
    'このチャネルではあなたが誰かを確認できません。チャットに使っているアプリが送信者 ID を自分で決めるため、ここでは誰も Teams 会議の開催者にできません。Microsoft Teams (管理者が MeetNow を Slack に接続している場合は Slack) から会議を開始してください。',
  'error.tenantNotAllowed': '申し訳ありませんが、MeetNow はあなたの組織では有効になっていません。必要な場合は Teams 管理者にお問い合わせください。',
  'error.rateLimited': '短時間に MeetNow で開始できる上限の数の会議を開始しました。{when}にもう一度お試しください。',
  'error.tenantRateLimited': '現在、あなたの組織では MeetNow による会議の開始が集中しています。{when}にもう一度お試しください。',
  'error.accessPolicy':
    '会議を作成できませんでした。あなたの組織はまだ MeetNow にオンライン会議の **アプリケーション アクセス ポリシー** (application access policy) を付与していません{support}。\n\nTeams 管理者が PowerShell (Microsoft Teams モジュール) で修正できます。反映まで最大 30 分かかることがあります:',
  'error.permissionMissing':
    '会議を作成できませんでした。MeetNow のアプリ登録に、管理者の同意済みの Microsoft Graph アプリケーション アクセス許可 **OnlineMeetings.ReadWrite.All** がありません{support}。管理者が Microsoft Entra 管理センター (アプリの登録 → API のアクセス許可 → 管理者の同意を与える) で追加できます。',
  'error.directoryPermissionMissing':
    'Microsoft 365 アカウントを検索できませんでした。ユーザー プリンシパル名を解決するには、MeetNow のアプリ登録に管理者の同意済みの Microsoft Graph アプリケーション アクセス許可 **User.Read.All** が必要です{support}。管理者が追加するか、オブジェクト ID で対応付けてください。',
  'error.appApiRetired':
    '会議を作成できませんでした。MeetNow が使うように設定されている会議 API (`MEETINGS_API=app`、Graph で非推奨) を Microsoft Graph が受け付けなくなりました{support}。管理者が `MEETINGS_API=users` (推奨値) を設定して MeetNow を再起動すると解決します。',
  'error.organizerNotFound':
    'Microsoft Teams はあなたを会議を開催できるユーザーとして認識していません{support}。ゲスト アカウント、Teams ライセンスのないアカウント、または別の組織のアカウントで起こります。管理者にアカウントの確認を依頼してください。',
  'error.organizerNotEligible': 'あなたのアカウントでは Teams 会議を開催できません。ゲストや Teams ライセンスのないユーザーは開催できません{support}。管理者にライセンスの確認を依頼してください。',
  'error.busy': 'Microsoft Teams が混み合っているため、何度か試しましたが会議を作成できませんでした{support}。1 分後にもう一度お試しください。',
  'error.invalidClient':
    'MeetNow は Microsoft Graph にサインインできませんでした。クライアント シークレットまたは証明書が拒否されました (期限切れの可能性があります)。Teams 管理者に MeetNow の資格情報の更新が必要だと伝えてください。',
  'error.consentMissing': 'MeetNow はまだあなたの組織で設定されていません。管理者の同意が必要です。管理者の同意リンク: {url}',
  'error.tenantNotFound': 'Microsoft Entra ID があなたの組織のテナントを認識しないため、MeetNow はサインインできません。Teams 管理者に連絡してください。',
  'error.scopeInvalid':
    'MeetNow は Microsoft Graph にサインインできませんでした。Microsoft Entra ID が MeetNow の要求したアクセス許可のスコープを拒否しました。Teams 管理者に連絡してください: MeetNow の `GRAPH_SCOPE` 設定は Microsoft Graph のアドレスに `/.default` を付けたもの (`https://graph.microsoft.com/.default`) である必要があります。',
  'error.tokenFailed':
    'MeetNow は Microsoft のサインイン サービスから会議作成の許可を得られませんでした。1 分後にもう一度お試しください。繰り返し起こる場合は Teams 管理者に連絡してください。',
  'error.network': 'Microsoft の会議サービスに時間内に接続できませんでした。1 分後にもう一度お試しください。',
  'error.generic': '会議の作成中に問題が発生しました{support}。もう一度お試しください。繰り返し起こる場合は、要求 ID を管理者に伝えてください。',
  'error.supportSuffix': ' (要求 ID {requestId})',
  'error.turnFailed': '申し訳ありません。こちらで問題が発生しました。もう一度お試しください。',
};

export const CATALOGS: Readonly<Record<string, Catalog>> = { en, de, fr, es, ja };
export const SUPPORTED_LANGUAGES = Object.keys(CATALOGS);
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
