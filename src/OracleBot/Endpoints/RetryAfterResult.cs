using System.Globalization;

namespace OracleBot.Endpoints;

/// <summary>Another result with a <c>Retry-After</c> header (whole seconds), telling the channel when to deliver again.</summary>
internal sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
