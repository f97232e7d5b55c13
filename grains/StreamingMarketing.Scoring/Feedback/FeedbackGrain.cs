using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Feedback;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

/// <summary>
/// Validates and stores feedback. Not reentrant: one activation appends one entry at a time, so the store has a
/// single writer. Feedback is rare (people correcting labels), so one activation is never the bottleneck.
/// </summary>
public sealed class FeedbackGrain(IServiceProvider services, TimeProvider clock, ILogger<FeedbackGrain> logger) : Grain, IFeedbackGrain
{
    public async Task<FeedbackReceipt> SubmitAsync(FeedbackSubmission submission)
    {
        if (FeedbackValidation.Validate(submission) is { } problem)
        {
            throw new ArgumentException(problem, nameof(submission));
        }

        var store = Store();
        var receivedAt = clock.GetUtcNow();
        var stored = await store.AppendAsync(new FeedbackEntry(submission.Text!, submission.Label!, submission.CampaignId, receivedAt));
        FeedbackMetrics.Received.Add(1, new KeyValuePair<string, object?>("label", submission.Label));
        logger.LogInformation("Stored {Label} feedback ({Stored} stored)", submission.Label, stored);
        return new FeedbackReceipt { Label = submission.Label!, ReceivedAt = receivedAt.UtcDateTime, Stored = stored };
    }

    public Task<int> EraseTextsAsync(string[] textFingerprints)
    {
        if (textFingerprints.Length == 0)
        {
            return Task.FromResult(0);
        }

        var erased = textFingerprints.ToHashSet(StringComparer.Ordinal);
        return Store().RemoveAsync(entry => erased.Contains(ErasureFingerprint.Of(entry.Text)));
    }

    public Task<int> PurgeBeforeAsync(DateTimeOffset cutoff) => Store().RemoveAsync(entry => entry.ReceivedAt < cutoff);

    private IFeedbackStore Store() => services.GetService<IFeedbackStore>()
        ?? throw new InvalidOperationException("This silo has no feedback store registered (AddFileFeedbackStore).");
}
