using OracleBot.Protocol.Connector;

namespace OracleBot.Tests.Protocol;

public sealed class ConnectorRoutesTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    public void Routes_escape_ids_and_tolerate_a_missing_trailing_slash(string serviceUrl)
    {
        var uri = ConnectorRoutes.Activity(serviceUrl, "19:abc@thread.tacv2;messageid=17", "17/x");

        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D17/activities/17%2Fx",
            uri.AbsoluteUri);
        Assert.Equal(
            "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities",
            ConnectorRoutes.Activities(serviceUrl, "a:1").AbsoluteUri);
    }
}
