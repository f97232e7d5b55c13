using System.Diagnostics.Metrics;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Scoring.Feedback;

/// <summary>streamingmarketing.feedback.received on the "StreamingMarketing" meter, tagged by label only.</summary>
public static class FeedbackMetrics
{
    private static readonly Meter Meter = new(SentimentMetrics.MeterName);

    public static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "streamingmarketing.feedback.received", "{feedback}", "Sentiment corrections stored for training, by label.");
}
