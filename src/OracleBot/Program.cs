using OracleBot.Answers;
using OracleBot.Cards;
using OracleBot.Endpoints;
using OracleBot.Hosting;
using OracleBot.Protocol;
using OracleBot.Turns;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddDefaultBotUrl();

builder.Services.AddBotProtocol();
builder.Services.AddAnswerService();
builder.Services.AddCards();
builder.Services.AddTurnPipeline();
builder.Services.AddBotEndpoints();
builder.Services.AddBotHealth();

var app = builder.Build();
app.MapBotEndpoints();
app.MapBotHealth();
app.Run();

/// <summary>Entry point type, visible to the functional tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
