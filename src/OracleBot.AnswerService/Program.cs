using OracleBot.AnswerService;

var app = AnswerApi.Build(args);
await app.RunAsync();
