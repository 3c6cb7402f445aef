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

    [Fact]
    public void Ambiguous_transport_failures_are_not_retried_for_post()
    {
        var reset = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        var timeout = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());
        var refused = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        Assert.False(ConnectorResilience.ShouldRetry(reset, HttpMethod.Post));
        Assert.False(ConnectorResilience.ShouldRetry(timeout, HttpMethod.Post));
        Assert.True(ConnectorResilience.ShouldRetry(refused, HttpMethod.Post));
        Assert.True(ConnectorResilience.ShouldRetry(reset, HttpMethod.Put));
        Assert.True(ConnectorResilience.ShouldRetry(timeout, HttpMethod.Put));
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
