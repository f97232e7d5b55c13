using System.Globalization;
using System.Text.Json;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Contracts.Validation;

/// <summary>
/// The one validation routine for HTTP ingest and the command-line client: turns what a connector sent into an
/// <see cref="InteractionEvent"/>, or into a message naming every rule the event breaks.
/// </summary>
public sealed class EventValidator(EventValidationOptions options, TimeProvider clock)
{
    public EventValidator(EventValidationOptions options) : this(options, TimeProvider.System)
    {
    }

    /// <summary>Variant names are short labels of a creative, shown in tables and charts.</summary>
    public const int MaxVariantLength = 64;

    public EventValidationOptions Options => options;

    public bool TryValidate(IncomingEvent incoming, out InteractionEvent? accepted, out ValidationFailure? failure)
    {
        var problems = new List<ValidationFailure>(2);
        var now = clock.GetUtcNow().UtcDateTime;

        CheckId("eventId", incoming.EventId, required: true, problems);
        CheckId("userId", incoming.UserId, required: true, problems);
        CheckId("campaignId", incoming.CampaignId, required: true, problems);
        CheckId("postId", incoming.PostId, required: false, problems);
        if (incoming.Variant is not null && TextRules.IdProblem("variant", incoming.Variant, MaxVariantLength) is { } variantProblem)
        {
            problems.Add(new("invalid_variant", variantProblem));
        }

        EventType type = default;
        if (string.IsNullOrEmpty(incoming.Type))
        {
            problems.Add(new("missing_field", "type is required"));
        }
        else if (!EventTypes.TryParse(incoming.Type, out type))
        {
            problems.Add(new("unknown_type", $"type '{Truncate(incoming.Type)}' is unknown (expected one of {string.Join(", ", EventTypes.WireNames)})"));
        }

        var timestamp = CheckTimestamp(incoming.Timestamp, now, problems);

        var text = incoming.Text;
        if (text is not null && text.Length > options.MaxTextLength)
        {
            problems.Add(new("text_too_long", $"text is {text.Length} characters, more than the {options.MaxTextLength} allowed"));
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            text = null;
            if (EventTypes.TryParse(incoming.Type, out var parsed) && parsed.RequiresText())
            {
                problems.Add(new("missing_text", $"text is required for {parsed.ToWireName()} events"));
            }
        }

        var hashtags = CheckHashtags(incoming.Hashtags, problems);
        var value = CheckValue(incoming.Value, problems);

        if (problems.Count > 0)
        {
            accepted = null;
            failure = problems.Count == 1
                ? problems[0]
                : new ValidationFailure(problems[0].Reason, string.Join("; ", problems.Select(p => p.Message)));
            return false;
        }

        accepted = new InteractionEvent
        {
            EventId = incoming.EventId!,
            Platform = Platforms.Parse(incoming.Platform),
            Type = type,
            UserId = incoming.UserId!,
            CampaignId = incoming.CampaignId!,
            PostId = incoming.PostId,
            Timestamp = timestamp,
            Text = text,
            Hashtags = hashtags,
            Value = value,
            ReceivedAt = now,
            Variant = incoming.Variant,
        };
        failure = null;
        return true;
    }

    private void CheckId(string field, string? value, bool required, List<ValidationFailure> problems)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(new("missing_field", $"{field} is required"));
            }

            return;
        }

        if (TextRules.IdProblem(field, value, options.MaxIdLength) is { } problem)
        {
            problems.Add(new("invalid_id", problem));
        }
    }

    private DateTime CheckTimestamp(string? raw, DateTime now, List<ValidationFailure> problems)
    {
        if (string.IsNullOrEmpty(raw))
        {
            problems.Add(new("missing_field", "timestamp is required"));
            return default;
        }

        if (!Rfc3339.TryParse(raw, out var utc))
        {
            problems.Add(new("invalid_timestamp", $"timestamp '{Truncate(raw)}' is not an RFC 3339 date-time ({Rfc3339.Format})"));
            return default;
        }

        if (utc > now + options.MaxFutureSkew)
        {
            problems.Add(new("timestamp_in_future", $"timestamp {utc:O} is more than {options.MaxFutureSkew.TotalMinutes:0} minutes in the future"));
        }
        else if (utc < now - options.MaxAge)
        {
            problems.Add(new("timestamp_too_old", $"timestamp {utc:O} is older than {options.MaxAge.TotalDays:0} days"));
        }

        return utc;
    }

    private string[] CheckHashtags(List<string?>? raw, List<ValidationFailure> problems)
    {
        if (raw is null || raw.Count == 0)
        {
            return [];
        }

        if (raw.Count > options.MaxHashtags)
        {
            problems.Add(new("too_many_hashtags", $"hashtags has {raw.Count} entries, more than the {options.MaxHashtags} allowed"));
            return [];
        }

        var tags = new List<string>(raw.Count);
        foreach (var tag in raw)
        {
            var normalized = tag?.Trim().TrimStart('#').ToLowerInvariant();
            if (string.IsNullOrEmpty(normalized))
            {
                problems.Add(new("invalid_hashtag", "hashtags must not contain empty entries"));
                return [];
            }

            if (TextRules.FirstUnservable(normalized) is { } hidden)
            {
                problems.Add(new("invalid_hashtag", $"hashtag '{Truncate(Visible(normalized))}' contains {hidden}"));
                return [];
            }

            if (normalized.Length > options.MaxHashtagLength)
            {
                problems.Add(new("invalid_hashtag", $"hashtag '{Truncate(normalized)}' is longer than {options.MaxHashtagLength} characters"));
                return [];
            }

            // A tag repeated in one event counts once: connectors often echo the same tag in body and metadata.
            if (!tags.Contains(normalized))
            {
                tags.Add(normalized);
            }
        }

        return [.. tags];
    }

    private double CheckValue(JsonElement? raw, List<ValidationFailure> problems)
    {
        if (raw is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var value))
        {
            problems.Add(new("invalid_value", "value must be a number"));
            return 0;
        }

        // Bounded so that no sum of values can reach infinity, which JSON cannot carry back out.
        if (!double.IsFinite(value) || value < 0 || value > options.MaxValue)
        {
            problems.Add(new("invalid_value", $"value must be a number from 0 to {options.MaxValue:0}"));
            return 0;
        }

        return value;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>The tag with its hidden characters shown as \uXXXX, so the message itself is safe to print.</summary>
    private static string Visible(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
}
