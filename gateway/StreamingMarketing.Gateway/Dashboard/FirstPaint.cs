using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Gateway.Live;

namespace StreamingMarketing.Gateway.Dashboard;

/// <summary>
/// Puts the campaign list into the page itself when the request may read it (a session cookie or header key with the
/// read scope, or no keys configured), so the first paint already shows the campaigns: no loading flash, and a tool
/// that reads the page once loaded (a crawler, <c>chromium --dump-dom</c>) sees them too. The live stream takes over.
/// </summary>
internal static class FirstPaint
{
    private const string Placeholder = "<!--first-paint-->";

    public static async Task<byte[]> RenderAsync(byte[] page, HttpContext context, ApiKeyStore keys, IClusterClient client, JsonSerializerOptions json, ILogger logger)
    {
        var html = Encoding.UTF8.GetString(page);
        var list = !keys.Enabled || context.User.HasClaim(ApiScopes.ClaimType, ApiScopes.Read)
            ? await TryReadAsync(client, logger)
            : null;

        // The default encoder escapes <, > and & as \u003C…, so no campaign id can close the script element.
        var data = list is null ? "" : $"""<script id="first-paint" type="application/json">{JsonSerializer.Serialize(list, json)}</script>""";
        return Encoding.UTF8.GetBytes(html.Replace(Placeholder, data, StringComparison.Ordinal));
    }

    private static async Task<LiveCampaignList?> TryReadAsync(IClusterClient client, ILogger logger)
    {
        try
        {
            return await LiveCampaignList.ReadAsync(client);
        }
        catch (OrleansException exception)
        {
            // The page still works without it: the live stream fills the list once the cluster answers.
            logger.LogWarning(exception, "The dashboard page is served without its first campaign list");
            return null;
        }
    }
}
