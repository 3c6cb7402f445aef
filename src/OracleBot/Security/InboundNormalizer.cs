using OracleBot.Protocol.Schema;

namespace OracleBot.Security;

/// <summary>
/// Makes an admitted activity safe for code that trusts its declared shape: JSON <c>null</c> items in lists
/// (which the schema says cannot be there) are dropped, and message text loses its control characters.
/// </summary>
internal static class InboundNormalizer
{
    public static void Normalize(Activity activity)
    {
        activity.Text = InboundText.Clean(activity.Text);
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        activity.Entities = WithoutNulls(activity.Entities);
        activity.Attachments = WithoutNulls(activity.Attachments);
    }

    private static IList<T>? WithoutNulls<T>(IList<T>? items)
        where T : class
    {
        if (items is null)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                return [.. items.Where(item => item is not null)];
            }
        }

        return items;
    }
}
