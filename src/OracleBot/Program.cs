using OracleBot.Answers;
using OracleBot.Cards;
using OracleBot.Cli;
using OracleBot.Conversations;
using OracleBot.Endpoints;
using OracleBot.Hosting;
using OracleBot.Protocol;
using OracleBot.PubMed;
using OracleBot.Telemetry;
using OracleBot.Turns;

var isVerb = CommandLine.IsVerb(args);
var builder = WebApplication.CreateSlimBuilder(isVerb ? [] : args);
builder.Configuration.AddDefaultBotUrl();

builder.Services.AddBotProtocol();
builder.Services.AddAnswerService();
builder.Services.AddCards();
builder.Services.AddConversationStore();
builder.Services.AddPubMedStore();
builder.Services.AddTurnPipeline();
builder.Services.AddBotEndpoints();
builder.Services.AddBotHealth();
builder.Services.AddBotTelemetry(builder.Configuration);

var app = builder.Build();
if (isVerb)
{
    return await CommandLine.RunAsync(args, app.Services);
}

app.MapBotEndpoints();
app.MapBotHealth();
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
