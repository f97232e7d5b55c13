namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// Series the sentiment scorer library records (its SentimentMetrics): they show only in a host that wires the scorer in,
/// which the silo host does not yet. The tests excuse their absence only while POST /api/sentiment does not answer 200;
/// once it scores texts, every one of them is required like any other series.
/// </summary>
public static class ScorerSeries
{
    public const string WhyExcused = "the silo host has no sentiment scorer wired in yet (POST /api/sentiment does not answer 200)";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "streamingmarketing_sentiment_requests_total",
        "streamingmarketing_sentiment_scored_total",
        "streamingmarketing_sentiment_batch_size_bucket",
        "streamingmarketing_sentiment_batch_size_sum",
        "streamingmarketing_sentiment_batch_size_count",
        "streamingmarketing_sentiment_inference_duration_seconds_bucket",
        "streamingmarketing_sentiment_queue_wait_seconds_bucket",
        "streamingmarketing_sentiment_queue_depth",
        "streamingmarketing_model_version",
    };

    /// <summary>Names in <paramref name="wanted"/> that a scrape lacks, less the scorer's while the host has no scorer.</summary>
    public static IEnumerable<string> Missing(IEnumerable<string> wanted, IReadOnlySet<string> scraped, bool scorerAnswers) =>
        wanted.Where(name => !scraped.Contains(name) && (scorerAnswers || !Names.Contains(name)));
}
