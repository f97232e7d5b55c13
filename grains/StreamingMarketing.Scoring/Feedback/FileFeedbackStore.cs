using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

/// <summary>
/// The embedded store: the sentiment library's <see cref="FeedbackLog"/> under &lt;dataDir&gt;/feedback, the
/// same files the training service reads.
/// </summary>
public sealed class FileFeedbackStore(FeedbackLog log) : IFeedbackStore
{
    private readonly Lock gate = new();

    /// <summary>Entries stored, counted from the files once, at the first call of this process.</summary>
    private long? stored;

    public Task<long> AppendAsync(FeedbackEntry entry)
    {
        log.Append(entry);
        lock (gate)
        {
            // Counted after the append when first read, so the new entry is not counted twice.
            stored = stored is { } count ? count + 1 : log.ReadAll().Count;
            return Task.FromResult(stored.Value);
        }
    }

    public Task<int> RemoveAsync(Func<FeedbackEntry, bool> remove)
    {
        var removed = log.RemoveWhere(remove);
        lock (gate)
        {
            stored -= removed;
        }

        return Task.FromResult(removed);
    }
}
