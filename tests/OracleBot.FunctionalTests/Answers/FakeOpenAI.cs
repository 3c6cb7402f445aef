using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OracleBot.FunctionalTests.Answers;

/// <summary>Responses in the OpenAI chat completions wire format, served by <see cref="ScriptedHttpServer"/>.</summary>
internal static class FakeOpenAI
{
    /// <summary>A streamed completion (server-sent events) whose content is <paramref name="content"/>, in small chunks.</summary>
    public static Func<HttpContext, Task> Streamed(string content, int chunk = 24) =>
        async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < content.Length; i += chunk)
            {
                await WriteEventAsync(context, Chunk(content.Substring(i, Math.Min(chunk, content.Length - i)), null));
            }

            await WriteEventAsync(context, Chunk(null, "stop"));
            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        };

    /// <summary>A plain (non-streamed) completion.</summary>
    public static Func<HttpContext, Task> Completed(string content) =>
        ScriptedHttpServer.Status(200, JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "gpt-test",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));

    /// <summary>A stream that sends one chunk and then nothing, never finishing.</summary>
    public static Func<HttpContext, Task> NeverEnding(string start) =>
        async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await WriteEventAsync(context, Chunk(start, null));
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }
        };

    public static string Answer(params (string Text, string[] Ids)[] statements) =>
        JsonSerializer.Serialize(new
        {
            bottomLine = new { text = statements[0].Text, passageIds = statements[0].Ids },
            sections = new[] { new { kind = "reference", statements = statements.Skip(1).Select(s => new { text = s.Text, passageIds = s.Ids }).ToArray() } },
            followUps = Array.Empty<string>(),
        });

    private static string Chunk(string? content, string? finish) =>
        JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "gpt-test",
            choices = new[] { new { index = 0, delta = content is null ? (object)new { } : new { content }, finish_reason = finish } },
        });

    private static async Task WriteEventAsync(HttpContext context, string json)
    {
        await context.Response.WriteAsync("data: " + json + "\n\n", Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
