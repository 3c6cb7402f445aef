using Microsoft.Extensions.Options;
using OracleBot.Protocol.Schema;

namespace OracleBot.Security;

/// <summary>Admits activities only from the tenants in <c>Bot:AllowedTenants</c> (all when the list is empty).</summary>
internal sealed class TenantGate
{
    private readonly HashSet<string> _allowed;

    public TenantGate(IOptions<InboundSecurityOptions> options)
    {
        _allowed = new HashSet<string>(
            options.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()),
            StringComparer.OrdinalIgnoreCase);
    }

    public bool Allows(Activity activity) => _allowed.Count == 0 || TenantOf(activity) is { } tenant && _allowed.Contains(tenant);

    /// <summary>Teams puts the tenant in <c>conversation.tenantId</c> and in <c>channelData.tenant.id</c>.</summary>
    public static string? TenantOf(Activity activity)
    {
        if (activity.Conversation?.TenantId is { Length: > 0 } tenantId)
        {
            return tenantId;
        }

        try
        {
            return activity.ChannelData?["tenant"]?["id"]?.GetValue<string>() is { Length: > 0 } id ? id : null;
        }
        catch (InvalidOperationException)
        {
            // Not a string (or not an object): no usable tenant.
            return null;
        }
    }
}
