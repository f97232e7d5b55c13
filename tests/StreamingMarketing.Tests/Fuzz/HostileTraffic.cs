using System.Text.Json.Nodes;
using CsCheck;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Fuzz;

/// <summary>
/// Generators of ingest batches that mix valid events with events broken in one way each, the ways a hostile or buggy
/// connector breaks them. Every broken event is invalid by the documented rules, so a batch's valid count is known.
/// </summary>
public static class HostileTraffic
{
    private const string SafeChars = "abcdefghijklmnopqrstuvwxyz0123456789-_.";

    /// <summary>One way to break an event, applied to an otherwise valid one.</summary>
    private static readonly Action<JsonObject>[] Breakages =
    [
        e => e["campaignId"] = "a/b",
        e => e["userId"] = "nul\u0000user",
        e => e["eventId"] = "zero\u200Bwidth",
        e => e["eventId"] = "bidi\u202Eevil",
        e => e["eventId"] = 12345,
        e => e["eventId"] = new JsonObject { ["nested"] = true },
        e => e.Remove("userId"),
        e => e["timestamp"] = "12:00",
        e => e["timestamp"] = "2026-02-30T00:00:00Z",
        e => e["timestamp"] = "1999-01-01T00:00:00Z",
        e => e["timestamp"] = "9999-12-31T23:59:59Z",
        e => e["type"] = "poke",
        e => e["type"] = "",
        e => { e["type"] = "conversion"; e["value"] = 1e308; },
        e => { e["type"] = "conversion"; e["value"] = -1; },
        e => { e["type"] = "conversion"; e["value"] = "lots"; },
        e => e["hashtags"] = new JsonArray("ok", "esc\u001b[2J"),
        e => e["hashtags"] = new JsonArray("bom\uFEFF"),
        e => e["hashtags"] = new JsonArray(Enumerable.Range(0, 31).Select(i => (JsonNode)$"t{i}").ToArray()),
        e => { e["type"] = "comment"; e.Remove("text"); },
        e => e["text"] = new string('x', 4_001),
        e => e["campaignId"] = new string('c', 129),
    ];

    private static readonly string[] Types = ["impression", "view", "like", "comment", "share", "click", "follow", "mention", "conversion"];

    /// <summary>Unknown platforms, even odd ones, map to "other": never a reason to refuse an event.</summary>
    private static readonly Gen<string> Platform = Gen.OneOf("twitter", "instagram", "tiktok", "\u0000", "😀", "x/y");

    private static readonly Gen<string> SafeId = Gen.Char[SafeChars].Array[1, 12].Select(chars => new string(chars));

    /// <summary>Free text: any characters at all, since text is scored, not addressed.</summary>
    private static readonly Gen<string> AnyText = Gen.String[1, 40];

    /// <summary>(the batch, how many of its events are valid); every event is under <paramref name="campaignId"/> except broken ids.</summary>
    public static Gen<(JsonArray Batch, int Valid)> Batch(string campaignId) =>
        Gen.Select(
                Gen.OneOf(Types), SafeId, AnyText, Gen.Int[0, 1_000_000], Gen.Int[-Breakages.Length, Breakages.Length - 1], Platform)
            .Array[1, 30]
            .Select(specs =>
            {
                var batch = new JsonArray();
                var valid = 0;
                for (var i = 0; i < specs.Length; i++)
                {
                    var (type, user, text, cents, breakage, platform) = specs[i];
                    var e = new JsonObject
                    {
                        // Unique in the batch, so a valid event is never a duplicate.
                        ["eventId"] = $"e{i}-{Guid.NewGuid():N}",
                        ["platform"] = platform,
                        ["type"] = type,
                        ["userId"] = $"u-{user}",
                        ["campaignId"] = campaignId,
                        ["timestamp"] = Events.Iso(DateTime.UtcNow.AddMinutes(-1)),
                        ["text"] = text,
                        ["hashtags"] = new JsonArray("fuzz", user),
                        ["value"] = cents / 100.0,
                    };
                    // About half the events stay valid: a negative index breaks nothing.
                    if (breakage >= 0)
                    {
                        Breakages[breakage](e);
                    }
                    else
                    {
                        valid++;
                    }

                    batch.Add(e);
                }

                return (batch, valid);
            });

}
