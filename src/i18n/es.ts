import type { Catalog } from './en';

/** Every word MeetNow says, in Spanish (typed against the English keys: a missing one does not compile). */
export const es: Catalog = {
  'command.meet': 'reunión',
  'command.help': 'ayuda',
  'meeting.kind': 'Reunión de Teams',
  'meeting.organizer': 'Organizador: ',
  'meeting.starts': 'Empieza: ',
  'meeting.ends': 'Termina: ',
  'meeting.now': 'Ahora',
  'meeting.joinByPhone': 'Unirse por teléfono',
  'meeting.toll': 'De pago',
  'meeting.tollFree': 'Gratuito',
  'meeting.conferenceId': 'Id. de conferencia',
  'meeting.passcode': 'Código de acceso',
  'meeting.findLocalNumber': 'Buscar un número local',
  'meeting.meetingId': 'Id. de reunión',
  'meeting.joinWithId': 'Unirse con un id. de reunión',
  'meeting.noDialIn': 'La llamada por teléfono no está disponible para esta reunión.',
  'meeting.join': 'Unirse a la reunión',
  'meeting.ready': 'Tu reunión de Teams está lista.',
  'meeting.fallback': 'Reunión de Teams. Unirse: {url}',
  'meeting.joinLink': 'Unirse a la reunión',
  'meeting.joinLinkLabel': 'Enlace para unirse: ',
  'meeting.joinByPhoneLine': 'Unirse por teléfono: {items}',
  'meeting.joinWithIdLine': 'Unirse con un id. de reunión: {items}',
  'meeting.inCalendar': 'En el calendario de {organizer}.',
  'meeting.inCalendarInvited': 'En el calendario de {organizer} · invitaciones enviadas a {names}',
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
  // The compose box (Teams messaging extension)
  'compose.button': 'Crear la reunión',
  'compose.note': 'Usted es el organizador. La tarjeta de la reunión se inserta en su mensaje y usted decide cuándo enviarla.',
  'compose.pending': 'Se está creando su reunión… Microsoft Teams tarda más de lo habitual. En un momento, haga clic en «{button}» para insertar su tarjeta en el mensaje: muestra la misma reunión y no reserva una segunda.',
  'compose.pendingButton': 'Insertar la reunión',
  'compose.unknownCommand': 'MeetNow no puede hacer eso. Elija «{title}» entre las acciones de MeetNow.',
  'start.needsTime': '«{phrase}» no indica la hora. Elige también una hora, o deja la fecha vacía para empezar ahora.',
  // Cancelling a scheduled meeting from its card
  'cancel.button': 'Cancelar reunión',
  'cancel.title': 'Reunión cancelada',
  'cancel.cancelledBy': 'Cancelada por {name} a las {time}',
  'cancel.attendeesNotified': 'Todas las personas invitadas recibieron una cancelación.',
  'cancel.onlyOrganizer': 'Solo {name} puede cancelar esta reunión, porque la organizó. No se canceló nada.',
  'cancel.onlyTheOrganizer': 'Solo la persona que organizó esta reunión puede cancelarla. No se canceló nada.',
  'cancel.inProgress': 'Esta reunión se está cancelando. Su tarjeta lo indicará en un momento.',
  'cancel.alreadyCancelled': 'Esa reunión ya se canceló: su tarjeta más arriba indica quién lo hizo.',
  'cancel.alreadyGone': 'No quedaba nada que cancelar: esta reunión ya se había cancelado o eliminado, en Outlook o en Teams.',
  'cancel.comment': '{name} canceló esta reunión en Microsoft Teams.',
  'cancel.failed': 'No pude cancelar la reunión{support}, así que sigue en pie. Vuelve a intentarlo en un minuto; si sigue ocurriendo, da a tu administrador el id. de solicitud.',
  'cancel.refused': 'No pude cancelar la reunión: Microsoft Graph denegó a MeetNow el acceso a tu calendario o a tus reuniones{support}, así que sigue en pie. Un administrador puede comprobar que el registro de aplicación de MeetNow aún tiene **Calendars.ReadWrite** (reuniones en calendarios) u **OnlineMeetings.ReadWrite.All** con su directiva de acceso de aplicaciones, y que tu buzón está dentro del ámbito de la aplicación.',
  'welcome.title': 'Hola, soy MeetNow',
  'welcome.intro': 'Inicio una reunión de Teams aquí mismo, con quien la pida como organizador, y publico una tarjeta con el botón **Unirse** y los números de acceso telefónico.',
  'welcome.meetNow': '- **{prefix}/meet Cifras trimestrales** inicia una ahora',
  'welcome.schedule': '- **{prefix}/meet mañana a las 15:00 por 45m Revisión de diseño** programa una en tu zona horaria',
  'welcome.invite': '- **{prefix}/meet Presupuesto con @Megan @Adele** invita también a las personas que menciones',
  'welcome.everyoneChannel': '- **{prefix}/meet Standup --channel** invita a todos los de este canal',
  'welcome.everyoneChat': '- **{prefix}/meet Standup --channel** invita a todos los de este chat',
  'welcome.help': '- **{prefix}ayuda** muestra todos los comandos',
  'welcome.defaultSubject': 'Reunión rápida',
  'invite.list': 'Invitados: {names}',
  'invite.everyoneChannel': 'todos los de este canal ({count})',
  'invite.everyoneChat': 'todos los de este chat ({count})',
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
    '- `reunión Cifras trimestrales`: igual que `/meet Cifras trimestrales` (cada comando funciona también con `reunión` en lugar de `/meet`)\n' +
    '- `ayuda` o `help`: muestra este mensaje\n' +
    '\n' +
    'En un canal o chat de grupo, mencióname primero: `@MeetNow /meet Revisión de diseño`.',
  'reply.usage': 'No te he entendido. Escribe `/meet` o `reunión` seguido de un asunto, por ejemplo `reunión Cifras trimestrales`, o `ayuda`.',
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
  'error.calendarAccessDenied':
    'No se pudo poner la reunión en su calendario: Microsoft Graph denegó a MeetNow el acceso a su buzón{support}. Un administrador puede solucionarlo: dar al registro de aplicación de MeetNow el permiso de aplicación de Microsoft Graph **Calendars.ReadWrite** con consentimiento de administrador (centro de administración de Microsoft Entra → Registros de aplicaciones → Permisos de API → Conceder consentimiento de administrador) y, donde Exchange Online limite los buzones de la aplicación (RBAC para aplicaciones, o una directiva de acceso de aplicaciones creada con `New-ApplicationAccessPolicy`), añadir su buzón a su ámbito. O configurar `SCHEDULED_MEETINGS=online` para reuniones que no están en ningún calendario.',
  'error.mailboxNotFound':
    'No se pudo poner la reunión en su calendario: Microsoft 365 no tiene para su cuenta ningún buzón de Outlook en el que MeetNow pueda añadir eventos{support}. Ocurre con las cuentas de invitado y las cuentas sin licencia de Exchange Online. Un administrador puede revisar su cuenta, o configurar `SCHEDULED_MEETINGS=online` para reuniones que no están en ningún calendario.',
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
  'error.eventWithoutMeeting': 'Tu reunión está en tu calendario y las invitaciones se han enviado, pero Teams aún no le ha dado un vínculo para unirse{support}. Ábrela en un momento desde tu calendario de Teams u Outlook; enviar la solicitud de nuevo crearía una segunda reunión.',
  'error.generic': 'Algo salió mal al crear la reunión{support}. Inténtalo de nuevo; si persiste, da a tu administrador el id. de solicitud.',
  'error.supportSuffix': ' (id. de solicitud {requestId})',
  'error.turnFailed': 'Lo siento, algo salió mal por mi parte. Inténtalo de nuevo.',
};
