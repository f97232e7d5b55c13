using System.Text;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Tests.Ingest;

public sealed class EventBodyReaderTests
{
    private readonly EventBodyReader reader = new(new IngestOptions { MaxEventsPerRequest = 3 });

    private ParsedBody Parse(string body, bool ndjson = false) => reader.Parse(Encoding.UTF8.GetBytes(body), ndjson);

    [Fact]
    public void Reads_a_json_array_of_events()
    {
        var body = Parse("""[{"eventId":"a","type":"like"},{"eventId":"b","TYPE":"share"}]""");

        Assert.True(body.IsValid);
        Assert.Equal(["a", "b"], body.Items.Select(i => i.Event!.EventId));
        Assert.Equal("share", body.Items[1].Event!.Type);
    }

    [Fact]
    public void Reads_ndjson_and_skips_blank_lines()
    {
        var body = Parse("{\"eventId\":\"a\"}\r\n\n{\"eventId\":\"b\"}\n", ndjson: true);

        Assert.Equal(["a", "b"], body.Items.Select(i => i.Event!.EventId));
    }

    [Fact]
    public void A_broken_ndjson_line_fails_only_that_item()
    {
        var body = Parse("{\"eventId\":\"a\"}\n{\"eventId\": oops}\n{\"eventId\":\"c\"}", ndjson: true);

        Assert.True(body.IsValid);
        Assert.Null(body.Items[1].Event);
        Assert.Contains("not valid JSON", body.Items[1].Error);
        Assert.Equal("c", body.Items[2].Event!.EventId);
    }

    [Fact]
    public void An_array_item_that_is_not_an_event_fails_only_that_item()
    {
        var body = Parse("""[42, {"eventId": 7}, {"eventId":"ok"}]""");

        Assert.Contains("expected a JSON object", body.Items[0].Error);
        Assert.Contains("eventId has the wrong JSON type", body.Items[1].Error);
        Assert.Equal("ok", body.Items[2].Event!.EventId);
    }

    [Theory]
    [InlineData("[{\"eventId\":")]
    [InlineData("")]
    [InlineData("not json at all")]
    public void A_body_that_is_not_json_is_a_400(string text)
    {
        var body = Parse(text);

        Assert.False(body.IsValid);
        Assert.Equal(400, body.StatusCode);
    }

    [Fact]
    public void More_events_than_allowed_is_a_413_in_both_formats()
    {
        Assert.Equal(413, Parse("[{},{},{},{}]").StatusCode);
        Assert.Equal(413, Parse("{}\n{}\n{}\n{}", ndjson: true).StatusCode);
        Assert.True(Parse("[{},{},{}]").IsValid);
    }
}
