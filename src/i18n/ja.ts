import type { Catalog } from './en';

/** Every word MeetNow says, in Japanese (typed against the English keys: a missing one does not compile). */
export const ja: Catalog = {
  'command.meet': '会議',
  'command.help': 'ヘルプ',
  'meeting.kind': 'Teams 会議',
  'meeting.organizer': '開催者: ',
  'meeting.starts': '開始: ',
  'meeting.ends': '終了: ',
  'meeting.now': '今すぐ',
  'meeting.joinByPhone': '電話で参加',
  'meeting.toll': '有料',
  'meeting.tollFree': '無料',
  'meeting.conferenceId': '電話会議 ID',
  'meeting.passcode': 'パスコード',
  'meeting.findLocalNumber': '市内の番号を検索',
  'meeting.meetingId': '会議 ID',
  'meeting.joinWithId': '会議 ID で参加',
  'meeting.noDialIn': 'この会議では電話での参加はできません。',
  'meeting.join': '会議に参加',
  'meeting.ready': 'Teams 会議の準備ができました。',
  'meeting.fallback': 'Teams 会議。参加: {url}',
  'meeting.joinLink': '会議に参加',
  'meeting.joinLinkLabel': '参加リンク: ',
  'meeting.joinByPhoneLine': '電話で参加: {items}',
  'meeting.joinWithIdLine': '会議 ID で参加: {items}',
  'meeting.inCalendar': '{organizer} さんの予定表にあります。',
  'meeting.inCalendarInvited': '{organizer} さんの予定表にあります · {names} に招待を送信しました',
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
  // The compose box (Teams messaging extension)
  'compose.button': '会議を作成',
  'compose.note': 'あなたが開催者になります。会議カードはメッセージに挿入され、送信するタイミングはあなたが決めます。',
  'compose.pending': '会議を作成しています… Microsoft Teams の応答がいつもより遅れています。少し待ってから「{button}」をクリックすると、会議カードがメッセージに挿入されます。同じ会議が表示され、2 つ目の会議は予約されません。',
  'compose.pendingButton': '会議を挿入',
  'compose.unknownCommand': 'MeetNow ではその操作はできません。MeetNow のアクションから「{title}」を選んでください。',
  'start.needsTime': '「{phrase}」には時刻がありません。時刻も選ぶか、今すぐ開始する場合は日付を空欄にしてください。',
  // Cancelling a scheduled meeting from its card
  'cancel.button': '会議をキャンセル',
  'cancel.title': '会議はキャンセルされました',
  'cancel.cancelledBy': '{name} が {time} にキャンセル',
  'cancel.attendeesNotified': '招待されたすべての人にキャンセルの通知が送信されました。',
  'cancel.onlyOrganizer': 'この会議をキャンセルできるのは、開催者の {name} だけです。何もキャンセルされていません。',
  'cancel.onlyTheOrganizer': 'この会議をキャンセルできるのは、会議の開催者だけです。何もキャンセルされていません。',
  'cancel.inProgress': 'この会議はキャンセル処理中です。まもなくカードに表示されます。',
  'cancel.alreadyCancelled': 'その会議はすでにキャンセルされています。誰がキャンセルしたかは上のカードに表示されています。',
  'cancel.alreadyGone': 'キャンセルするものはありませんでした。この会議は Outlook または Teams ですでにキャンセルまたは削除されています。',
  'cancel.comment': '{name} が Microsoft Teams でこの会議をキャンセルしました。',
  'cancel.failed': '会議をキャンセルできませんでした{support}。会議は予定どおり残っています。1 分後にもう一度お試しください。繰り返し発生する場合は、要求 ID を管理者に伝えてください。',
  'cancel.refused': '会議をキャンセルできませんでした。Microsoft Graph が MeetNow による予定表または会議へのアクセスを拒否しました{support}。会議は予定どおり残っています。管理者は、MeetNow のアプリ登録に **Calendars.ReadWrite** (予定表の会議) またはアプリケーション アクセス ポリシー付きの **OnlineMeetings.ReadWrite.All** がまだあること、およびあなたのメールボックスがアプリのスコープ内にあることを確認できます。',
  'welcome.title': 'こんにちは、MeetNow です',
  'welcome.intro': 'この場で Teams 会議を開始し (依頼した人が開催者になります)、**参加** ボタンと電話の参加番号を載せたカードを投稿します。',
  'welcome.meetNow': '- **{prefix}/meet 四半期の数字** で今すぐ開始します',
  'welcome.schedule': '- **{prefix}/meet 明日 15時 for 45m デザインレビュー** であなたのタイム ゾーンで予約します',
  'welcome.invite': '- **{prefix}/meet 予算 @Megan @Adele** でメンションした人も招待します',
  'welcome.everyoneChannel': '- **{prefix}/meet 朝会 --channel** でこのチャネルの全員を招待します',
  'welcome.everyoneChat': '- **{prefix}/meet 朝会 --channel** でこのチャットの全員を招待します',
  'welcome.help': '- **{prefix}ヘルプ** ですべてのコマンドを表示します',
  'welcome.defaultSubject': 'クイック会議',
  'invite.list': '招待済み: {names}',
  'invite.everyoneChannel': 'このチャネルの全員 ({count})',
  'invite.everyoneChat': 'このチャットの全員 ({count})',
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
    '- `会議 四半期の数字`: `/meet 四半期の数字` と同じです (どのコマンドも `/meet` の代わりに `会議` で使えます。`会議` のあとにはスペースを入れてください)\n' +
    '- `ヘルプ` または `help`: このメッセージを表示します\n' +
    '\n' +
    'チャネルやグループ チャットでは、先にメンションしてください: `@MeetNow /meet デザインレビュー`。',
  'reply.usage': '理解できませんでした。`/meet` または `会議` に続けてスペースと件名を入力してください (例: `会議 四半期の数字`)。または `ヘルプ` と入力してください。',
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
  'error.calendarAccessDenied':
    '会議を予定表に追加できませんでした。Microsoft Graph が MeetNow によるあなたのメールボックスへのアクセスを拒否しました{support}。管理者が解決できます: MeetNow のアプリ登録に、管理者の同意済みの Microsoft Graph アプリケーション アクセス許可 **Calendars.ReadWrite** を与え (Microsoft Entra 管理センター → アプリの登録 → API のアクセス許可 → 管理者の同意を与える)、Exchange Online でアプリが使えるメールボックスを制限している場合 (アプリケーションの RBAC、または `New-ApplicationAccessPolicy` で作成したアプリケーション アクセス ポリシー) は、あなたのメールボックスをその範囲に追加してください。または、どの予定表にも入らない会議にするには `SCHEDULED_MEETINGS=online` を設定します。',
  'error.mailboxNotFound':
    '会議を予定表に追加できませんでした。あなたのアカウントには、MeetNow が予定を追加できる Outlook メールボックスが Microsoft 365 にありません{support}。ゲスト アカウントや Exchange Online ライセンスのないアカウントで起こります。管理者がアカウントを確認するか、どの予定表にも入らない会議にするには `SCHEDULED_MEETINGS=online` を設定します。',
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
  'error.eventWithoutMeeting': '会議は予定表に追加され、招待も送信されましたが、Teams からまだ参加リンクが届いていません{support}。しばらくしてから Teams または Outlook の予定表で開いてください。もう一度要求すると、会議がもう 1 つ作成されます。',
  'error.generic': '会議の作成中に問題が発生しました{support}。もう一度お試しください。繰り返し起こる場合は、要求 ID を管理者に伝えてください。',
  'error.supportSuffix': ' (要求 ID {requestId})',
  'error.turnFailed': '申し訳ありません。こちらで問題が発生しました。もう一度お試しください。',
};
