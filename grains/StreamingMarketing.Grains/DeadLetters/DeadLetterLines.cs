using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>Reads stored dead letters (one JSON object per line) for erasure and retention, whatever their item's shape.</summary>
public static class DeadLetterLines
{
    /// <summary>
    /// True when any <c>userId</c> property of the letter holds <paramref name="userId"/>: events and outbox parts name
    /// their user that way at any depth. A line that does not parse is kept out of doubt only if it does not contain
    /// the id at all.
    /// </summary>
    public static bool NamesUser(string line, string userId)
    {
        if (!line.Contains(userId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return JsonNode.Parse(line) is { } node && Names(node, userId);
        }
        catch (JsonException)
        {
            return true;
        }
    }

    /// <summary>True when the letter was set aside before <paramref name="cutoff"/>; a line without a readable time counts as old.</summary>
    public static bool SetAsideBefore(string line, DateTime cutoff)
    {
        try
        {
            return JsonNode.Parse(line)?["at"]?.GetValue<DateTime>() is not { } at || at.ToUniversalTime() < cutoff;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            return true;
        }
    }

    private static bool Names(JsonNode node, string userId) => node switch
    {
        JsonObject obj => obj.Any(pair =>
            (string.Equals(pair.Key, "userId", StringComparison.OrdinalIgnoreCase) && pair.Value is JsonValue value
                && value.TryGetValue<string>(out var id) && id == userId)
            || (pair.Value is not null && Names(pair.Value, userId))),
        JsonArray array => array.Any(item => item is not null && Names(item, userId)),
        _ => false,
    };
}
