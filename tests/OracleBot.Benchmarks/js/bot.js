// The JavaScript Bot Framework SDK's own way to a bot (restify, CloudAdapter, ActivityHandler), with no app id, as
// the SDK's samples run locally: every message is answered with one fixed Adaptive Card sent to the activity's
// serviceUrl. The turns benchmark starts it beside OracleBot to measure both against one load generator.
'use strict';

const path = require('path');
const restify = require('restify');
const {
    ActivityHandler,
    CardFactory,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    MessageFactory,
} = require('botbuilder');

const port = Number(process.argv[2] || process.env.PORT || 3978);
const card = require(path.join(__dirname, 'card.json'));

class FixedCardBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
            await next();
        });
    }
}

// No MicrosoftAppId: requests without a token are accepted and replies are sent without one.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn failed: ${error}`);
};

const bot = new FixedCardBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1');
