import type { Catalog } from './en';

/** Every word MeetNow says, in German (typed against the English keys: a missing one does not compile). */
export const de: Catalog = {
  'command.meet': 'besprechung',
  'command.help': 'hilfe',
  'meeting.kind': 'Teams-Besprechung',
  'meeting.organizer': 'Organisator: ',
  'meeting.starts': 'Beginn: ',
  'meeting.ends': 'Ende: ',
  'meeting.now': 'Jetzt',
  'meeting.joinByPhone': 'Per Telefon teilnehmen',
  'meeting.toll': 'Gebührenpflichtig',
  'meeting.tollFree': 'Gebührenfrei',
  'meeting.conferenceId': 'Konferenz-ID',
  'meeting.passcode': 'Kennung',
  'meeting.findLocalNumber': 'Lokale Nummer suchen',
  'meeting.meetingId': 'Besprechungs-ID',
  'meeting.joinWithId': 'Mit einer Besprechungs-ID teilnehmen',
  'meeting.noDialIn': 'Für diese Besprechung ist keine Einwahl per Telefon verfügbar.',
  'meeting.join': 'An Besprechung teilnehmen',
  'meeting.ready': 'Ihre Teams-Besprechung ist bereit.',
  'meeting.fallback': 'Teams-Besprechung. Teilnehmen: {url}',
  'meeting.joinLink': 'An der Besprechung teilnehmen',
  'meeting.joinLinkLabel': 'Teilnahmelink: ',
  'meeting.joinByPhoneLine': 'Per Telefon teilnehmen: {items}',
  'meeting.joinWithIdLine': 'Mit einer Besprechungs-ID teilnehmen: {items}',
  'meeting.inCalendar': 'Im Kalender von {organizer}.',
  'meeting.inCalendarInvited': 'Im Kalender von {organizer} · Einladungen an {names} gesendet',
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
  // The compose box (Teams messaging extension)
  'compose.button': 'Besprechung erstellen',
  'compose.note': 'Sie sind der Organisator. Die Besprechungskarte wird in Ihre Nachricht eingefügt, und Sie entscheiden, wann Sie sie senden.',
  'compose.pending': 'Ihre Besprechung wird erstellt… Microsoft Teams braucht länger als sonst. Klicken Sie gleich auf „{button}“, um ihre Karte in Ihre Nachricht einzufügen: Das zeigt dieselbe Besprechung und bucht keine zweite.',
  'compose.pendingButton': 'Besprechung einfügen',
  'compose.unknownCommand': 'Das kann MeetNow nicht. Wählen Sie stattdessen „{title}“ aus den Aktionen von MeetNow.',
  'start.needsTime': '„{phrase}“ hat keine Uhrzeit. Wählen Sie auch eine Uhrzeit, oder lassen Sie das Datum leer, um jetzt zu starten.',
  // Cancelling a scheduled meeting from its card
  'cancel.button': 'Besprechung absagen',
  'cancel.title': 'Besprechung abgesagt',
  'cancel.cancelledBy': 'Abgesagt von {name} um {time}',
  'cancel.attendeesNotified': 'Alle Eingeladenen haben eine Absage erhalten.',
  'cancel.onlyOrganizer': 'Nur {name} kann diese Besprechung absagen, da sie von dieser Person organisiert wurde. Es wurde nichts abgesagt.',
  'cancel.onlyTheOrganizer': 'Nur die Person, die diese Besprechung organisiert hat, kann sie absagen. Es wurde nichts abgesagt.',
  'cancel.inProgress': 'Diese Besprechung wird gerade abgesagt. Ihre Karte zeigt es gleich an.',
  'cancel.alreadyCancelled': 'Diese Besprechung wurde bereits abgesagt: Ihre Karte weiter oben zeigt, von wem.',
  'cancel.alreadyGone': 'Es gab nichts mehr abzusagen: Diese Besprechung wurde bereits in Outlook oder Teams abgesagt oder gelöscht.',
  'cancel.comment': '{name} hat diese Besprechung in Microsoft Teams abgesagt.',
  'cancel.failed': 'Ich konnte die Besprechung nicht absagen{support}, sie findet also weiterhin statt. Bitte versuche es in einer Minute erneut; wenn es weiter passiert, gib deinem Admin die Anforderungs-ID.',
  'cancel.refused': 'Ich konnte die Besprechung nicht absagen: Microsoft Graph hat MeetNow den Zugriff auf deinen Kalender oder deine Besprechungen verweigert{support}, sie findet also weiterhin statt. Ein Admin kann prüfen, ob MeetNows App-Registrierung noch **Calendars.ReadWrite** (Besprechungen im Kalender) oder **OnlineMeetings.ReadWrite.All** mit ihrer Anwendungszugriffsrichtlinie hat und ob dein Postfach im Bereich der App liegt.',
  'welcome.title': 'Hallo, ich bin MeetNow',
  'welcome.intro': 'Ich starte hier eine Teams-Besprechung, mit der anfragenden Person als Organisator, und poste eine Karte mit der Schaltfläche **Teilnehmen** und den Einwahlnummern.',
  'welcome.meetNow': '- **{prefix}/meet Quartalszahlen** startet jetzt eine',
  'welcome.schedule': '- **{prefix}/meet morgen 15 Uhr für 45m Design-Review** plant eine in Ihrer Zeitzone',
  'welcome.invite': '- **{prefix}/meet Budget mit @Megan @Adele** lädt auch die erwähnten Personen ein',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** lädt alle in diesem Kanal ein',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** lädt alle in diesem Chat ein',
  'welcome.help': '- **{prefix}hilfe** zeigt alle Befehle',
  'welcome.defaultSubject': 'Kurze Besprechung',
  'invite.list': 'Eingeladen: {names}',
  'invite.everyoneChannel': 'alle in diesem Kanal ({count})',
  'invite.everyoneChat': 'alle in diesem Chat ({count})',
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
    '- `besprechung Quartalszahlen`: wie `/meet Quartalszahlen` (jeder Befehl geht auch mit `besprechung` statt `/meet`)\n' +
    '- `hilfe` oder `help`: zeigt diese Hilfe\n' +
    '\n' +
    'In einem Kanal oder Gruppenchat erwähnen Sie mich zuerst: `@MeetNow /meet Design-Review`.',
  'reply.usage': 'Das habe ich nicht verstanden. Geben Sie `/meet` oder `besprechung` und einen Betreff ein, zum Beispiel `besprechung Quartalszahlen`, oder `hilfe`.',
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
  'error.calendarAccessDenied':
    'Die Besprechung konnte nicht in Ihren Kalender eingetragen werden: Microsoft Graph hat MeetNow den Zugriff auf Ihr Postfach verweigert{support}. Ein Administrator kann das beheben: der App-Registrierung von MeetNow die Microsoft Graph-Anwendungsberechtigung **Calendars.ReadWrite** mit Administratorzustimmung geben (Microsoft Entra Admin Center → App-Registrierungen → API-Berechtigungen → Administratorzustimmung erteilen) und, wo Exchange Online die Postfächer der App beschränkt (RBAC für Anwendungen oder eine mit `New-ApplicationAccessPolicy` erstellte Anwendungszugriffsrichtlinie), Ihr Postfach in deren Bereich aufnehmen. Oder `SCHEDULED_MEETINGS=online` setzen, für Besprechungen, die in keinem Kalender stehen.',
  'error.mailboxNotFound':
    'Die Besprechung konnte nicht in Ihren Kalender eingetragen werden: Microsoft 365 hat für Ihr Konto kein Outlook-Postfach, in das MeetNow Termine eintragen kann{support}. Das betrifft Gastkonten und Konten ohne Exchange Online-Lizenz. Ein Administrator kann Ihr Konto prüfen oder `SCHEDULED_MEETINGS=online` setzen, für Besprechungen, die in keinem Kalender stehen.',
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
  'error.eventWithoutMeeting': 'Ihre Besprechung steht in Ihrem Kalender und die Einladungen sind verschickt, aber Teams hat noch keinen Teilnahmelink dafür geliefert{support}. Öffnen Sie sie gleich über Ihren Kalender in Teams oder Outlook; eine erneute Anfrage würde eine zweite Besprechung anlegen.',
  'error.generic': 'Beim Erstellen der Besprechung ist ein Fehler aufgetreten{support}. Bitte versuchen Sie es erneut; wenn es weiter auftritt, geben Sie Ihrem Administrator die Anforderungs-ID.',
  'error.supportSuffix': ' (Anforderungs-ID {requestId})',
  'error.turnFailed': 'Entschuldigung, bei mir ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.',
};
