/**
 * The floor: Bot Framework's standard echo bot sample (restify + CloudAdapter, the same versions as
 * MeetNow), plus a /healthz route for the start-up figure. Whatever MeetNow costs above this is its own.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const replyText = `Echo: ${context.activity.text}`;
      await context.sendActivity(MessageFactory.text(replyText, replyText));
      await next();
    });
  }
}

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.listen(Number(process.env.PORT ?? 3978), process.env.HOST ?? '127.0.0.1');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(process.env as Record<string, string>));
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`[onTurnError] ${String(error)}\n`);
  await context.sendActivity('The bot encountered an error or bug.');
};
const bot = new EchoBot();

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
// Exit normally on SIGTERM so that `--cpu-prof` can write its profile.
process.once('SIGTERM', () => process.exit(0));
