using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Grains.Feedback;

/// <summary>
/// The embedded store: the sentiment library's <see cref="FeedbackLog"/> under &lt;dataDir&gt;/feedback, the
/// same files the training service reads.
/// </summary>
public sealed class FileFeedbackStore(FeedbackLog log) : IFeedbackStore
{
    private readonly Lazy<long> _initialCount = new(() => log.ReadAll().Count);
    private long _appended;

    public Task<long> AppendAsync(FeedbackEntry entry)
    {
        log.Append(entry);
        return Task.FromResult(_initialCount.Value + Interlocked.Increment(ref _appended));
    }
}
