import type { Catalog } from './en';

/** Every word MeetNow says, in French (typed against the English keys: a missing one does not compile). */
export const fr: Catalog = {
  'command.meet': 'réunion',
  'command.help': 'aide',
  'meeting.kind': 'Réunion Teams',
  'meeting.organizer': 'Organisateur : ',
  'meeting.starts': 'Début : ',
  'meeting.ends': 'Fin : ',
  'meeting.now': 'Maintenant',
  'meeting.joinByPhone': 'Rejoindre par téléphone',
  'meeting.toll': 'Payant',
  'meeting.tollFree': 'Gratuit',
  'meeting.conferenceId': 'ID de conférence',
  'meeting.passcode': 'Code secret',
  'meeting.findLocalNumber': 'Trouver un numéro local',
  'meeting.meetingId': 'ID de réunion',
  'meeting.joinWithId': 'Rejoindre avec un ID de réunion',
  'meeting.noDialIn': "L'accès par téléphone n'est pas disponible pour cette réunion.",
  'meeting.join': 'Rejoindre la réunion',
  'meeting.ready': 'Votre réunion Teams est prête.',
  'meeting.fallback': 'Réunion Teams. Rejoindre : {url}',
  'meeting.joinLink': 'Rejoindre la réunion',
  'meeting.joinLinkLabel': 'Lien pour rejoindre : ',
  'meeting.joinByPhoneLine': 'Rejoindre par téléphone : {items}',
  'meeting.joinWithIdLine': 'Rejoindre avec un ID de réunion : {items}',
  'meeting.inCalendar': 'Dans le calendrier de {organizer}.',
  'meeting.inCalendarInvited': 'Dans le calendrier de {organizer} · invitations envoyées à {names}',
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
  // The compose box (Teams messaging extension)
  'compose.button': 'Créer la réunion',
  'compose.note': 'Vous êtes l’organisateur. La carte de la réunion est insérée dans votre message, et vous choisissez quand l’envoyer.',
  'compose.pending': 'Votre réunion est en cours de création… Microsoft Teams est plus lent que d’habitude. Dans un instant, cliquez sur « {button} » pour insérer sa carte dans votre message : cela affiche la même réunion et n’en réserve pas une deuxième.',
  'compose.pendingButton': 'Insérer la réunion',
  'compose.unknownCommand': 'MeetNow ne sait pas faire cela. Choisissez plutôt « {title} » parmi les actions de MeetNow.',
  'start.needsTime': '« {phrase} » n’indique pas d’heure. Choisissez aussi une heure, ou laissez la date vide pour démarrer maintenant.',
  // Cancelling a scheduled meeting from its card
  'cancel.button': 'Annuler la réunion',
  'cancel.title': 'Réunion annulée',
  'cancel.cancelledBy': 'Annulée par {name} à {time}',
  'cancel.attendeesNotified': 'Toutes les personnes invitées ont reçu une annulation.',
  'cancel.onlyOrganizer': 'Seul(e) {name} peut annuler cette réunion, car c’est son organisateur. Rien n’a été annulé.',
  'cancel.onlyTheOrganizer': 'Seule la personne qui a organisé cette réunion peut l’annuler. Rien n’a été annulé.',
  'cancel.inProgress': 'Cette réunion est en cours d’annulation. Sa carte l’indiquera dans un instant.',
  'cancel.alreadyCancelled': 'Cette réunion a déjà été annulée : sa carte plus haut indique par qui.',
  'cancel.alreadyGone': 'Il n’y avait plus rien à annuler : cette réunion avait déjà été annulée ou supprimée, dans Outlook ou dans Teams.',
  'cancel.comment': '{name} a annulé cette réunion dans Microsoft Teams.',
  'cancel.failed': 'Je n’ai pas pu annuler la réunion{support} : elle est donc maintenue. Réessayez dans une minute ; si cela se reproduit, donnez l’identifiant de la requête à votre administrateur.',
  'cancel.refused': 'Je n’ai pas pu annuler la réunion : Microsoft Graph a refusé à MeetNow l’accès à votre calendrier ou à vos réunions{support}, elle est donc maintenue. Un administrateur peut vérifier que l’inscription d’application de MeetNow a toujours **Calendars.ReadWrite** (réunions dans les calendriers) ou **OnlineMeetings.ReadWrite.All** avec sa stratégie d’accès aux applications, et que votre boîte aux lettres est dans la portée de l’application.',
  'welcome.title': 'Bonjour, je suis MeetNow',
  'welcome.intro': 'Je démarre une réunion Teams ici même, avec la personne qui la demande comme organisateur, et je publie une carte avec le bouton **Rejoindre** et les numéros d’accès par téléphone.',
  'welcome.meetNow': '- **{prefix}/meet Chiffres du trimestre** en démarre une maintenant',
  'welcome.schedule': '- **{prefix}/meet demain 15h pour 45m Revue de conception** en planifie une dans votre fuseau horaire',
  'welcome.invite': '- **{prefix}/meet Budget avec @Megan @Adele** invite aussi les personnes mentionnées',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** invite tout le monde dans ce canal',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** invite tout le monde dans cette conversation',
  'welcome.help': '- **{prefix}aide** affiche toutes les commandes',
  'welcome.defaultSubject': 'Réunion rapide',
  'invite.list': 'Invités : {names}',
  'invite.everyoneChannel': 'tout le monde dans ce canal ({count})',
  'invite.everyoneChat': 'tout le monde dans cette conversation ({count})',
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
    '- `réunion Chiffres du trimestre` : comme `/meet Chiffres du trimestre` (chaque commande marche aussi avec `réunion` au lieu de `/meet`)\n' +
    '- `aide` ou `help` : affiche ce message\n' +
    '\n' +
    'Dans un canal ou une conversation de groupe, mentionnez-moi d’abord : `@MeetNow /meet Revue de conception`.',
  'reply.usage': "Je n'ai pas compris. Tapez `/meet` ou `réunion` suivi d’un objet, par exemple `réunion Chiffres du trimestre`, ou `aide`.",
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
  'error.calendarAccessDenied':
    "Impossible d’ajouter la réunion à votre calendrier : Microsoft Graph a refusé à MeetNow l’accès à votre boîte aux lettres{support}. Un administrateur peut corriger cela : donner à l’inscription d’application de MeetNow l’autorisation d’application Microsoft Graph **Calendars.ReadWrite** avec consentement administrateur (centre d’administration Microsoft Entra → Inscriptions d’applications → Autorisations d’API → Accorder le consentement administrateur) et, là où Exchange Online limite les boîtes aux lettres de l’application (RBAC pour les applications, ou une stratégie d’accès aux applications créée avec `New-ApplicationAccessPolicy`), ajouter votre boîte aux lettres à sa portée. Ou définir `SCHEDULED_MEETINGS=online` pour des réunions qui ne figurent dans aucun calendrier.",
  'error.mailboxNotFound':
    "Impossible d’ajouter la réunion à votre calendrier : Microsoft 365 n’a pour votre compte aucune boîte aux lettres Outlook où MeetNow peut ajouter des événements{support}. C’est le cas des comptes invités et des comptes sans licence Exchange Online. Un administrateur peut vérifier votre compte, ou définir `SCHEDULED_MEETINGS=online` pour des réunions qui ne figurent dans aucun calendrier.",
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
  'error.eventWithoutMeeting': "Votre réunion est dans votre calendrier et les invitations sont envoyées, mais Teams ne lui a pas encore donné de lien pour rejoindre{support}. Ouvrez-la dans un instant depuis votre calendrier Teams ou Outlook ; renvoyer la demande créerait une deuxième réunion.",
  'error.generic': "Une erreur s'est produite lors de la création de la réunion{support}. Réessayez ; si cela persiste, donnez l’ID de requête à votre administrateur.",
  'error.supportSuffix': ' (ID de requête {requestId})',
  'error.turnFailed': "Désolé, quelque chose s'est mal passé de mon côté. Réessayez.",
};
