using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OracleBot.Telemetry;

/// <summary>
/// Where OTLP data goes: <c>Telemetry:OtlpEndpoint</c> (with <c>Telemetry:OtlpProtocol</c>), else the
/// standard <c>OTEL_EXPORTER_OTLP_*</c> variables, which the exporter then reads itself. Traces and
/// metrics only: logs stay with the host's logging providers.
/// </summary>
internal sealed record OtlpTarget(Uri? Endpoint, OtlpExportProtocol Protocol)
{
    public static OtlpTarget? From(TelemetryOptions options, IConfiguration? configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            var protocol = string.Equals(options.OtlpProtocol, "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            return new OtlpTarget(new Uri(options.OtlpEndpoint, UriKind.Absolute), protocol);
        }

        return string.IsNullOrWhiteSpace(configuration?["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? null : new OtlpTarget(null, OtlpExportProtocol.Grpc);
    }

    public void AddTo(TracerProviderBuilder tracing) => tracing.AddOtlpExporter(o => Configure(o, "v1/traces"));

    public void AddTo(MeterProviderBuilder metrics) => metrics.AddOtlpExporter(o => Configure(o, "v1/metrics"));

    private void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (Endpoint is null)
        {
            return;
        }

        // Over HTTP each signal has its own path; a programmatic endpoint is taken as is, so add it here.
        exporter.Protocol = Protocol;
        exporter.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(new Uri(Endpoint.ToString().TrimEnd('/') + "/"), signalPath)
            : Endpoint;
    }
}
