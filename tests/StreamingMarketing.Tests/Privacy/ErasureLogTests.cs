using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;
using static StreamingMarketing.Tests.Privacy.ErasureSteps;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>An erasure is logged by its request id and fingerprints only: no id, pseudonym or text of the user.</summary>
[Trait("Category", "Functional")]
public sealed class ErasureLogTests
{
    [Fact]
    public async Task The_erasure_is_logged_start_passes_and_completion_without_the_users_id_or_texts()
    {
        var logs = new CapturedLogs();
        var (eve, campaign, text) = (Burst.Id("tw-eve"), Burst.Id("logged"), NegativeText());
        await using var silo = await RunningSilo.StartAsync(null, builder => builder.Logging.AddProvider(logs),
            Args(extra: ["--Logging:LogLevel:StreamingMarketing", "Information"]));
        await PostAsync(silo.Http, [Event("comment", eve, campaign, text), Event("like", eve, campaign)]);
        await SettledCampaignAsync(silo.Http, campaign, 2, texts: 1);
        var pseudonym = (await ProfileAsync(silo.Http, eve, 2)).UserId;
        (await silo.Http.PostAsJsonAsync("/api/feedback", new { text, label = "negative" })).EnsureSuccessStatusCode();

        var requestId = (await EraseAsync(silo.Http, $"/api/users/{eve}")).RequestId;
        await CompletedAsync(silo.Http, requestId);
        await PostAsync(silo.Http, [Event("like", eve, campaign)]);
        // The answer says completed as soon as the state is written; the line follows in the same turn.
        Assert.True(await RunningSilo.EventuallyAsync(() =>
            Task.FromResult(logs.Lines.Any(line => line.Contains($"Erasure {requestId} completed", StringComparison.Ordinal)))));

        var ours = logs.Lines.Where(line => line.StartsWith("StreamingMarketing", StringComparison.Ordinal)).ToList();
        var erasure = ours.Where(line => line.Contains(requestId, StringComparison.Ordinal)).ToList();
        Assert.Contains(erasure, line => line.Contains("started for 1 ids (fingerprints", StringComparison.Ordinal));
        Assert.Equal(2, erasure.Count(line => line.Contains(" pass ", StringComparison.Ordinal)));
        Assert.Contains(erasure, line => line.Contains("completed", StringComparison.Ordinal));
        Assert.All(ours, line =>
        {
            Assert.DoesNotContain(eve, line, StringComparison.Ordinal);
            Assert.DoesNotContain(pseudonym, line, StringComparison.Ordinal);
            Assert.DoesNotContain(text[^32..], line, StringComparison.Ordinal);
        });
    }
}
