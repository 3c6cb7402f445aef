using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using OracleBot.Security;

namespace OracleBot.FunctionalTests.Security;

/// <summary>
/// A conversation about a made-up patient: the name, record number and date of birth appear in no log entry
/// (Information and above, every category), no trace and no metric, and stay out of stored state unless
/// <c>Privacy:StoreQuestions</c> is on. The answer card reminds the user not to share identifiers.
/// </summary>
public sealed class PrivacyTests
{
    private const string PatientName = "Jonathan Quibbleworth";
    private const string RecordNumber = "48213377";
    private const string BirthDate = "03/14/1962";
    private static readonly string[] Secrets = ["Quibbleworth", "Jonathan", RecordNumber, BirthDate];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Patient_details_stay_out_of_logs_traces_metrics_and_unconsented_storage(bool storeQuestions)
    {
        using var telemetry = new TelemetryCapture();
        await using var bot = await SecureBot.StartAsync(new SecureBot(new Dictionary<string, string?>
        {
            ["Privacy:StoreQuestions"] = storeQuestions ? "true" : "false",
        }));
        var conversationId = "a:privacy-" + Guid.NewGuid().ToString("N");

        var first = await AskAsync(bot, $"{PatientName}, MRN {RecordNumber}, DOB {BirthDate}, has pleuritic chest pain after a viral illness. What causes pericarditis?", conversationId);
        Assert.Contains("identify a patient", first, StringComparison.Ordinal);
        var followUp = await AskAsync(bot, "How is it treated?", conversationId, expectedReplies: 2);
        Assert.DoesNotContain("identify a patient", followUp, StringComparison.Ordinal);
        await GiveFeedbackAsync(bot, first, conversationId);

        var logText = string.Join('\n', bot.Logs.Entries.Select(e => e.AllText));
        Assert.NotEmpty(bot.Logs.Entries);
        AssertAbsent(logText, "logs");
        AssertAbsent(telemetry.Text, "traces and metrics");
        Assert.True(telemetry.SpanCount > 0, "no spans were captured: the check would prove nothing");

        var stored = StoredText(bot.DataDirectory);
        Assert.Contains("pericarditis", stored, StringComparison.Ordinal);
        if (storeQuestions)
        {
            Assert.Contains(PatientName, stored, StringComparison.Ordinal);
        }
        else
        {
            AssertAbsent(stored, "stored state");
        }
    }

    private static async Task<string> AskAsync(SecureBot bot, string text, string conversationId, int expectedReplies = 1)
    {
        using var response = await bot.PostAsync(bot.Message(text, conversationId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await bot.Channel.WaitForActivitiesAsync(
            r => r.ConversationId == conversationId && r.Activity?.Type == "message" && r.Succeeded, expectedReplies, TimeSpan.FromSeconds(30));
        return replies[expectedReplies - 1].Body;
    }

    private static async Task GiveFeedbackAsync(SecureBot bot, string answerBody, string conversationId)
    {
        var answerId = answerBody.Split("\"answerId\":\"")[1].Split('"')[0];
        var submit = bot.Message(string.Empty, conversationId);
        submit.Text = null;
        submit.Value = new JsonObject { ["action"] = "feedback", ["answerId"] = answerId, ["reaction"] = "like" };
        using var response = await bot.PostAsync(submit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Channel.WaitForActivitiesAsync(r => r.ConversationId == conversationId && r.Activity?.Type == "message" && r.Succeeded, 3, TimeSpan.FromSeconds(30));
    }

    private static void AssertAbsent(string text, string where)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' found in {where}");
        }
    }

    // Every value in every table of the conversation store, as text.
    private static string StoredText(string directory)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\"";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        text.Append(reader.GetValue(i) switch
                        {
                            byte[] bytes => Encoding.UTF8.GetString(bytes),
                            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                        }).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Every span (name, tags, events) and every metric measurement's tags from any source in the process.</summary>
    private sealed class TelemetryCapture : IDisposable
    {
        private readonly ConcurrentQueue<string> _items = new();
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();
        private int _spans;

        public TelemetryCapture()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = _ => true,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    Interlocked.Increment(ref _spans);
                    _items.Enqueue(string.Join(' ',
                        [activity.Source.Name, activity.DisplayName, activity.OperationName, activity.StatusDescription ?? string.Empty,
                            .. activity.TagObjects.Select(t => $"{t.Key}={t.Value}"),
                            .. activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
                            .. activity.Baggage.Select(b => $"{b.Key}={b.Value}")]));
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
            _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
            _meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => Record(instrument, tags));
            _meters.Start();
        }

        public int SpanCount => Volatile.Read(ref _spans);

        public string Text => string.Join('\n', _items);

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name);
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            _items.Enqueue(text.ToString());
        }
    }
}
