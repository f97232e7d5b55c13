using StreamingMarketing.Contracts.Feedback;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// Stores sentiment corrections for training. One activation (key 0) serialises the writes to the silo's
/// feedback store, so the standalone gateway stores through the cluster like the co-hosted one.
/// </summary>
public interface IFeedbackGrain : IGrainWithIntegerKey
{
    /// <summary>Validates and stores durably; throws <see cref="ArgumentException"/> for an invalid submission.</summary>
    Task<FeedbackReceipt> SubmitAsync(FeedbackSubmission submission);

    /// <summary>Removes every entry whose text has one of these SHA-256 fingerprints; answers how many.</summary>
    Task<int> EraseTextsAsync(string[] textFingerprints);

    /// <summary>Removes entries received before <paramref name="cutoff"/> (text retention); answers how many.</summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff);
}
