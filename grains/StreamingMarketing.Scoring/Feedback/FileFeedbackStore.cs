using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

/// <summary>
/// The embedded store: the sentiment library's <see cref="FeedbackLog"/> under &lt;dataDir&gt;/feedback, the
/// same files the training service reads.
/// </summary>
public sealed class FileFeedbackStore(FeedbackLog log) : IFeedbackStore
{
    private readonly Lazy<long> initialCount = new(() => log.ReadAll().Count);
    private long appended;

    public Task<long> AppendAsync(FeedbackEntry entry)
    {
        // Count what was there before the first append of this process, so the new entry is not counted twice.
        var before = initialCount.Value;
        log.Append(entry);
        return Task.FromResult(before + Interlocked.Increment(ref appended));
    }
}
