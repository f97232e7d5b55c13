using System.Text.Json;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Validation;

public sealed class EventValidatorTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
    private readonly EventValidator validator = new(new EventValidationOptions(), new FixedClock(Now));

    private (InteractionEvent? Event, ValidationFailure? Failure) Validate(IncomingEvent incoming)
    {
        validator.TryValidate(incoming, out var accepted, out var failure);
        return (accepted, failure);
    }

    [Fact]
    public void Accepts_a_complete_event_and_normalises_it()
    {
        var (accepted, failure) = Validate(Events.Incoming(type: "LIKE", platform: "Instagram", at: Now, hashtags: ["#Sale", "sale", " Summer "]));

        Assert.Null(failure);
        Assert.Equal(EventType.Like, accepted!.Type);
        Assert.Equal(Platform.Instagram, accepted.Platform);
        Assert.Equal(["sale", "summer"], accepted.Hashtags);
        Assert.Equal(Now, accepted.Timestamp);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("userId")]
    [InlineData("campaignId")]
    [InlineData("type")]
    [InlineData("timestamp")]
    public void Rejects_event_missing_a_required_field(string field)
    {
        var incoming = Events.Incoming(at: Now);
        typeof(IncomingEvent).GetProperty(char.ToUpperInvariant(field[0]) + field[1..])!.SetValue(incoming, null);

        var (accepted, failure) = Validate(incoming);

        Assert.Null(accepted);
        Assert.Equal("missing_field", failure!.Reason);
        Assert.Contains($"{field} is required", failure.Message);
    }

    [Fact]
    public void Rejects_unknown_type_but_maps_unknown_platform_to_other()
    {
        Assert.Equal("unknown_type", Validate(Events.Incoming(type: "poke", at: Now)).Failure!.Reason);
        Assert.Equal(Platform.Other, Validate(Events.Incoming(platform: "myspace", at: Now)).Event!.Platform);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has\u0001control")]
    [InlineData("tab\there")]
    public void Rejects_ids_that_are_empty_or_have_control_characters(string id)
    {
        var (_, failure) = Validate(Events.Incoming(eventId: id, at: Now));

        Assert.Equal("invalid_id", failure!.Reason);
    }

    [Fact]
    public void Rejects_ids_longer_than_128_characters_and_accepts_128()
    {
        Assert.NotNull(Validate(Events.Incoming(userId: new string('u', 128), at: Now)).Event);
        Assert.Equal("invalid_id", Validate(Events.Incoming(userId: new string('u', 129), at: Now)).Failure!.Reason);
    }

    [Fact]
    public void Rejects_timestamp_more_than_five_minutes_in_the_future()
    {
        Assert.NotNull(Validate(Events.Incoming(at: Now.AddMinutes(5))).Event);
        Assert.Equal("timestamp_in_future", Validate(Events.Incoming(at: Now.AddMinutes(5).AddSeconds(1))).Failure!.Reason);
    }

    [Fact]
    public void Rejects_timestamp_older_than_thirty_days()
    {
        Assert.NotNull(Validate(Events.Incoming(at: Now.AddDays(-30))).Event);
        Assert.Equal("timestamp_too_old", Validate(Events.Incoming(at: Now.AddDays(-30).AddSeconds(-1))).Failure!.Reason);
    }

    [Fact]
    public void Honours_a_configured_maximum_age()
    {
        var strict = new EventValidator(new EventValidationOptions { MaxAge = TimeSpan.FromHours(1) }, new FixedClock(Now));

        Assert.False(strict.TryValidate(Events.Incoming(at: Now.AddHours(-2)), out _, out var failure));
        Assert.Equal("timestamp_too_old", failure!.Reason);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00Z")]
    public void Rejects_timestamp_that_is_not_iso_8601(string raw)
    {
        var incoming = Events.Incoming(at: Now);
        incoming.Timestamp = raw;

        Assert.Equal("invalid_timestamp", Validate(incoming).Failure!.Reason);
    }

    [Fact]
    public void Converts_offset_timestamps_to_utc()
    {
        var incoming = Events.Incoming(at: Now);
        incoming.Timestamp = "2026-11-27T13:00:00+01:00";

        Assert.Equal(Now, Validate(incoming).Event!.Timestamp);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("mention")]
    public void Requires_text_for_comments_and_mentions(string type)
    {
        var incoming = Events.Incoming(type: type, at: Now);
        incoming.Text = "   ";

        Assert.Equal("missing_text", Validate(incoming).Failure!.Reason);
    }

    [Fact]
    public void Rejects_text_longer_than_4000_characters()
    {
        Assert.NotNull(Validate(Events.Incoming(type: "comment", text: new string('a', 4000), at: Now)).Event);
        Assert.Equal("text_too_long", Validate(Events.Incoming(type: "comment", text: new string('a', 4001), at: Now)).Failure!.Reason);
    }

    [Fact]
    public void Rejects_more_than_thirty_hashtags_and_empty_ones()
    {
        var thirty = Enumerable.Range(0, 30).Select(i => (string?)$"t{i}").ToList();
        Assert.NotNull(Validate(Events.Incoming(hashtags: thirty, at: Now)).Event);
        Assert.Equal("too_many_hashtags", Validate(Events.Incoming(hashtags: [.. thirty, "t30"], at: Now)).Failure!.Reason);
        Assert.Equal("invalid_hashtag", Validate(Events.Incoming(hashtags: ["ok", "#"], at: Now)).Failure!.Reason);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"ten\"")]
    [InlineData("1e400")]
    [InlineData("1e308")]
    [InlineData("1000000000.5")]
    public void Rejects_value_that_is_negative_not_a_number_or_not_finite(string json)
    {
        var incoming = Events.Incoming(type: "conversion", at: Now);
        incoming.Value = JsonDocument.Parse(json).RootElement.Clone();

        Assert.Equal("invalid_value", Validate(incoming).Failure!.Reason);
    }

    [Fact]
    public void Reports_every_broken_rule_in_one_message()
    {
        var incoming = new IncomingEvent { EventId = "e", Type = "poke" };

        var (_, failure) = Validate(incoming);

        Assert.Contains("userId is required", failure!.Message);
        Assert.Contains("type 'poke' is unknown", failure.Message);
        Assert.Contains("timestamp is required", failure.Message);
    }

    [Fact]
    public void Accepts_a_value_at_the_documented_bound()
    {
        var incoming = Events.Incoming(type: "conversion", at: Now);
        incoming.Value = JsonDocument.Parse("1e9").RootElement.Clone();

        Assert.Equal(1e9, Validate(incoming).Event!.Value);
    }

    [Theory]
    [InlineData("12:00")]
    [InlineData("2026-11-27")]
    [InlineData("2026-11-27T12:00:00")]
    [InlineData("2026-11-27 12:00:00Z")]
    [InlineData("27/11/2026 12:00:00")]
    [InlineData("2026-11-27T12:00Z")]
    public void Rejects_timestamps_that_are_not_rfc_3339_date_times(string raw)
    {
        var incoming = Events.Incoming(at: Now);
        incoming.Timestamp = raw;

        Assert.Equal("invalid_timestamp", Validate(incoming).Failure!.Reason);
    }

    [Theory]
    [InlineData("2026-11-27T12:00:00Z")]
    [InlineData("2026-11-27t12:00:00.1234567z")]
    [InlineData("2026-11-27T13:00:00+01:00")]
    public void Accepts_rfc_3339_date_times_with_an_offset(string raw)
    {
        var incoming = Events.Incoming(at: Now);
        incoming.Timestamp = raw;

        Assert.Null(Validate(incoming).Failure);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a%2Fb")]
    [InlineData("a b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("..")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("bidi\u202Eoverride")]
    [InlineData("nul\u0000")]
    public void Rejects_ids_the_api_could_not_address_or_that_hide_characters(string id)
    {
        var (_, failure) = Validate(Events.Incoming(campaignId: id, at: Now));

        Assert.Equal("invalid_id", failure!.Reason);
    }

    [Theory]
    [InlineData("spring-2026_launch")]
    [InlineData("acme:summer.sale@eu")]
    [InlineData("café-été")]
    [InlineData("キャンペーン1")]
    public void Accepts_ids_of_letters_digits_and_the_documented_punctuation(string id)
    {
        Assert.Null(Validate(Events.Incoming(campaignId: id, at: Now)).Failure);
    }

    [Theory]
    [InlineData("nul\u0000tag")]
    [InlineData("esc\u001b[31m")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("joiner\u200Dtag")]
    [InlineData("bidi\u202Eoverride")]
    [InlineData("isolate\u2066x")]
    [InlineData("bom\uFEFF")]
    public void Rejects_hashtags_with_control_zero_width_or_bidi_characters(string tag)
    {
        var (_, failure) = Validate(Events.Incoming(hashtags: ["fine", tag], at: Now));

        Assert.Equal("invalid_hashtag", failure!.Reason);
        Assert.DoesNotContain(tag, failure.Message);
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
