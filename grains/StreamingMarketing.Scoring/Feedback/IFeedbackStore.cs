using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

/// <summary>Where feedback lives durably. Embedded: JSON lines under the data dir (<see cref="FileFeedbackStore"/>).</summary>
public interface IFeedbackStore
{
    /// <summary>Stores <paramref name="entry"/> durably and returns how many entries are stored now.</summary>
    Task<long> AppendAsync(FeedbackEntry entry);

    /// <summary>Deletes the entries <paramref name="remove"/> picks, leaving no copy in the store; answers how many.</summary>
    Task<int> RemoveAsync(Func<FeedbackEntry, bool> remove);
}
