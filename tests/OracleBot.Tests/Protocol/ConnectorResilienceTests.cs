using System.Net;
using System.Net.Http.Headers;
using OracleBot.Protocol.Connector;
using Polly;
using Polly.Timeout;

namespace OracleBot.Tests.Protocol;

public sealed class ConnectorResilienceTests
{
    [Theory]
    [InlineData(429, true, true)]
    [InlineData(412, true, true)]
    [InlineData(502, true, true)]
    [InlineData(503, true, true)]
    [InlineData(504, true, true)]
    [InlineData(500, false, true)]
    [InlineData(408, false, true)]
    [InlineData(400, false, false)]
    [InlineData(403, false, false)]
    [InlineData(404, false, false)]
    public void Status_codes_are_retried_only_when_safe(int status, bool retryPost, bool retryPut)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        var outcome = Outcome.FromResult(response);

        Assert.Equal(retryPost, ConnectorResilience.ShouldRetry(outcome, HttpMethod.Post));
        Assert.Equal(retryPut, ConnectorResilience.ShouldRetry(outcome, HttpMethod.Put));
    }

    [Theory]
    [InlineData("reset", false, true)]
    [InlineData("timeout", false, true)]
    [InlineData("refused", true, true)]
    [InlineData("no token", true, true)]
    [InlineData("unresolved", true, true)]
    [InlineData("tls handshake", true, true)]
    [InlineData("connect timeout", true, true)]
    [InlineData("cancelled", false, false)]
    public void Transport_failures_are_retried_for_post_only_when_nothing_was_sent(string failure, bool retryPost, bool retryPut)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(failure switch
        {
            "reset" => new HttpRequestException(HttpRequestError.ResponseEnded, "reset"),
            "timeout" => new TimeoutRejectedException(),
            "refused" => new HttpRequestException(HttpRequestError.ConnectionError, "refused"),
            "no token" => new ConnectorTokenException("token endpoint answered 503"),
            "unresolved" => new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"),
            "tls handshake" => new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"),
            "connect timeout" => new TaskCanceledException("connect", new TimeoutException()),
            _ => new TaskCanceledException("cancelled"),
        });

        Assert.Equal(retryPost, ConnectorResilience.ShouldRetry(outcome, HttpMethod.Post));
        Assert.Equal(retryPut, ConnectorResilience.ShouldRetry(outcome, HttpMethod.Put));
    }

    [Fact]
    public void Messages_retry_until_their_deadline_and_typing_a_few_times()
    {
        var options = new ConnectorOptions { MaxRetryAttempts = 2 };
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://connector.example/v3/conversations/a/activities");
        message.Options.Set(ConnectorResilience.RetryUntil, now.AddSeconds(10));
        using var typing = new HttpRequestMessage(HttpMethod.Post, "https://connector.example/v3/conversations/a/activities");

        Assert.True(ConnectorResilience.HasRetryLeft(message, 50, options, now.AddSeconds(9)));
        Assert.False(ConnectorResilience.HasRetryLeft(message, 0, options, now.AddSeconds(10)));
        Assert.True(ConnectorResilience.HasRetryLeft(typing, 1, options, now.AddHours(1)));
        Assert.False(ConnectorResilience.HasRetryLeft(typing, 2, options, now));
        Assert.Equal(TimeSpan.FromSeconds(4), ConnectorResilience.Remaining(message, now.AddSeconds(6)));
        Assert.Null(ConnectorResilience.Remaining(typing, now));
    }

    [Fact]
    public void Backoff_grows_with_jitter_and_never_passes_the_window()
    {
        var options = new ConnectorOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(20) };
        using var retryAfter = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        retryAfter.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(15));

        Assert.InRange(ConnectorResilience.NextDelay(0, null, options, null), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(ConnectorResilience.NextDelay(2, null, options, null), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4.8));
        Assert.Equal(TimeSpan.FromSeconds(20), ConnectorResilience.NextDelay(10, null, options, null));
        Assert.Equal(TimeSpan.FromSeconds(15), ConnectorResilience.NextDelay(0, retryAfter, options, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorResilience.NextDelay(0, retryAfter, options, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(2), ConnectorResilience.NextDelay(4, null, options, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(502, false)]
    [InlineData(503, false)]
    [InlineData(504, false)]
    [InlineData(500, true)]
    [InlineData(501, true)]
    public void A_final_status_says_whether_the_reply_may_have_been_delivered(int status, bool mayHaveBeenDelivered)
    {
        var failure = new ConnectorException((HttpStatusCode)status, "Code", null, null, "reply");

        Assert.Equal(mayHaveBeenDelivered, ConnectorFailure.MayHaveBeenDelivered(failure));
        Assert.StartsWith($"connector reply answered {status} ", ConnectorFailure.Describe(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Transport_failures_may_have_delivered_unless_nothing_was_sent()
    {
        Assert.False(ConnectorFailure.MayHaveBeenDelivered(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        Assert.False(ConnectorFailure.MayHaveBeenDelivered(new ConnectorTokenException("no token")));
        Assert.False(ConnectorFailure.MayHaveBeenDelivered(new InvalidOperationException("store down before sending")));
        Assert.True(ConnectorFailure.MayHaveBeenDelivered(new HttpRequestException(HttpRequestError.ResponseEnded, "reset")));
        Assert.True(ConnectorFailure.MayHaveBeenDelivered(new TimeoutRejectedException()));
        Assert.Equal("connector timed out after sending", ConnectorFailure.Describe(new TimeoutRejectedException()));
        Assert.Equal("InvalidOperationException", ConnectorFailure.Describe(new InvalidOperationException("patient text must not leak")));
    }

    [Fact]
    public void Retry_after_is_honoured_and_capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.Null(ConnectorResilience.RetryAfter(response, TimeSpan.FromSeconds(20)));

        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), ConnectorResilience.RetryAfter(response, TimeSpan.FromSeconds(20)));

        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(300));
        Assert.Equal(TimeSpan.FromSeconds(20), ConnectorResilience.RetryAfter(response, TimeSpan.FromSeconds(20)));
    }
}
