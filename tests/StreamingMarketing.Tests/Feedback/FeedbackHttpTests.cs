using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingMarketing.Contracts.Feedback;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Tests.Http;

namespace StreamingMarketing.Tests.Feedback;

/// <summary>POST /api/feedback on the real silo host: validation, durable storage where training reads, the metric.</summary>
[Trait("Category", "Functional")]
public sealed class FeedbackHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "not json", "not a JSON feedback object" },
        { "null", "Send {" },
        { """{"label": "positive"}""", "text is required" },
        { """{"text": "   ", "label": "positive"}""", "text is required" },
        { $$"""{"text": "{{new string('a', 4001)}}", "label": "positive"}""", "more than the 4000 allowed" },
        { """{"text": "great", "label": "happy"}""", "label 'happy' is not one of negative, neutral, positive" },
        { """{"text": "great"}""", "is not one of" },
        { $$"""{"text": "great", "label": "positive", "campaignId": "{{new string('c', 129)}}"}""", "campaignId must be 1 to 128" },
        { """{"text": "great", "label": "positive", "campaignId": ""}""", "campaignId must be 1 to 128" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Rejects_invalid_feedback_with_400_and_a_clear_message(string body, string expected)
    {
        var response = await Http.PostAsync("/api/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<ErrorResponse>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_valid_feedback_where_training_reads_it()
    {
        var text = $"the new campaign video is wonderful {Guid.NewGuid():N}";

        var response = await Http.PostAsJsonAsync("/api/feedback", new { text, label = "positive", campaignId = "spring-launch" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<FeedbackReceipt>();
        Assert.Equal("positive", receipt!.Label);
        Assert.True(receipt.Stored >= 1);
        // FeedbackLog is the reader 'train --data-dir' uses.
        var stored = FeedbackLog.ForDataDirectory(fixture.Silo.DataDir).ReadAll().Single(e => e.Text == text);
        Assert.Equal(("positive", "spring-launch"), (stored.Label, stored.CampaignId));
    }

    [Fact]
    public async Task Each_stored_entry_is_counted_once()
    {
        var stored = FeedbackLog.ForDataDirectory(fixture.Silo.DataDir);

        var receipt = await (await Http.PostAsJsonAsync("/api/feedback", new { text = "counted once", label = "neutral" }))
            .Content.ReadFromJsonAsync<FeedbackReceipt>();

        Assert.Equal(stored.ReadAll().Count, receipt!.Stored);
    }

    [Fact]
    public async Task Feedback_without_a_campaign_is_accepted()
    {
        var response = await Http.PostAsJsonAsync("/api/feedback", new { text = "meh, it is fine I guess", label = "neutral" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Counts_received_feedback_by_label_in_the_metrics()
    {
        await Http.PostAsJsonAsync("/api/feedback", new { text = "worst support ever", label = "negative" });

        var found = await Infrastructure.RunningSilo.EventuallyAsync(async () =>
            (await Http.GetStringAsync("/metrics")).Split('\n').Any(line =>
                line.StartsWith("streamingmarketing_feedback_received", StringComparison.Ordinal) && line.Contains("label=\"negative\"", StringComparison.Ordinal)));

        Assert.True(found, "streamingmarketing.feedback.received{label=\"negative\"} never appeared in /metrics.");
    }
}
