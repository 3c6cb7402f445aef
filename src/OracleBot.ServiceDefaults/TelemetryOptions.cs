namespace OracleBot.Telemetry;

/// <summary>Where traces and metrics go (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// OTLP collector endpoint, e.g. <c>http://localhost:4317</c>. Empty: the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is used (Azure Container Apps sets it when its
    /// OpenTelemetry agent is on); neither set: no exporter and no telemetry pipeline at all.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (port 4318), for <see cref="OtlpEndpoint"/>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Run the OpenTelemetry pipeline even with no OTLP endpoint (for another exporter or tests).</summary>
    public bool Enabled { get; set; }

    /// <summary>The <c>service.name</c> resource attribute; <c>OTEL_SERVICE_NAME</c> overrides it. Empty: the host's own name.</summary>
    public string? ServiceName { get; set; }
}
