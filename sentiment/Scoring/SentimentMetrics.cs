using System.Diagnostics.Metrics;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// The scorer's instruments on the "StreamingMarketing" meter (hosts export it with AddMeter("StreamingMarketing")).
/// Tags never carry texts, users or campaigns.
/// </summary>
public sealed class SentimentMetrics : IDisposable
{
    public const string MeterName = "StreamingMarketing";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> requests;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> queueWait;
    private readonly Histogram<double> inferenceDuration;
    private readonly Counter<long> scored;

    public SentimentMetrics(Func<int> queueDepth, Func<string?> modelVersion)
    {
        requests = meter.CreateCounter<long>("streamingmarketing.sentiment.requests", "{text}",
            "Texts submitted for sentiment scoring, by outcome (accepted or overloaded).");
        batchSize = meter.CreateHistogram<int>("streamingmarketing.sentiment.batch.size", "{text}",
            "Texts per encoder batch.");
        queueWait = meter.CreateHistogram<double>("streamingmarketing.sentiment.queue.wait", "s",
            "Time a text waited in the scoring queue before its batch started.");
        inferenceDuration = meter.CreateHistogram<double>("streamingmarketing.sentiment.inference.duration", "s",
            "Time to tokenise, encode and classify one batch.");
        meter.CreateObservableGauge("streamingmarketing.sentiment.queue.depth", queueDepth, "{text}",
            "Texts waiting in the scoring queue.");
        scored = meter.CreateCounter<long>("streamingmarketing.sentiment.scored", "{text}",
            "Texts scored, by predicted label.");
        meter.CreateObservableGauge("streamingmarketing.model.version", () => ModelVersionMeasurements(modelVersion()), null,
            "The serving sentiment model version (value 1, version in the tag).");
    }

    private static IEnumerable<Measurement<int>> ModelVersionMeasurements(string? version) =>
        version is null ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>("version", version))];

    public void Accepted(int texts) => requests.Add(texts, new KeyValuePair<string, object?>("outcome", "accepted"));

    public void Overloaded(int texts) => requests.Add(texts, new KeyValuePair<string, object?>("outcome", "overloaded"));

    public void BatchStarted(int size) => batchSize.Record(size);

    public void Waited(TimeSpan wait) => queueWait.Record(wait.TotalSeconds);

    public void Inferred(TimeSpan duration) => inferenceDuration.Record(duration.TotalSeconds);

    public void Scored(string label) => scored.Add(1, new KeyValuePair<string, object?>("label", label));

    public void Dispose() => meter.Dispose();
}
