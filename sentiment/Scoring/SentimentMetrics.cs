using System.Diagnostics.Metrics;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// The scorer's instruments on the "StreamingMarketing" meter (hosts export it with AddMeter("StreamingMarketing")).
/// Tags never carry texts, users or campaigns.
/// </summary>
public sealed class SentimentMetrics : IDisposable
{
    public const string MeterName = "StreamingMarketing";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _inferenceDuration;
    private readonly Counter<long> _scored;

    public SentimentMetrics(Func<int> queueDepth, Func<string?> modelVersion)
    {
        _requests = _meter.CreateCounter<long>("streamingmarketing.sentiment.requests", "{text}",
            "Texts submitted for sentiment scoring, by outcome (accepted or overloaded).");
        _batchSize = _meter.CreateHistogram<int>("streamingmarketing.sentiment.batch.size", "{text}",
            "Texts per encoder batch.");
        _queueWait = _meter.CreateHistogram<double>("streamingmarketing.sentiment.queue.wait", "s",
            "Time a text waited in the scoring queue before its batch started.");
        _inferenceDuration = _meter.CreateHistogram<double>("streamingmarketing.sentiment.inference.duration", "s",
            "Time to tokenise, encode and classify one batch.");
        _meter.CreateObservableGauge("streamingmarketing.sentiment.queue.depth", queueDepth, "{text}",
            "Texts waiting in the scoring queue.");
        _scored = _meter.CreateCounter<long>("streamingmarketing.sentiment.scored", "{text}",
            "Texts scored, by predicted label.");
        _meter.CreateObservableGauge("streamingmarketing.model.version", () => ModelVersionMeasurements(modelVersion()), null,
            "The serving sentiment model version (value 1, version in the tag).");
    }

    private static IEnumerable<Measurement<int>> ModelVersionMeasurements(string? version) =>
        version is null ? [] : [new Measurement<int>(1, new KeyValuePair<string, object?>("version", version))];

    public void Accepted(int texts) => _requests.Add(texts, new KeyValuePair<string, object?>("outcome", "accepted"));

    public void Overloaded(int texts) => _requests.Add(texts, new KeyValuePair<string, object?>("outcome", "overloaded"));

    public void BatchStarted(int size) => _batchSize.Record(size);

    public void Waited(TimeSpan wait) => _queueWait.Record(wait.TotalSeconds);

    public void Inferred(TimeSpan duration) => _inferenceDuration.Record(duration.TotalSeconds);

    public void Scored(string label) => _scored.Add(1, new KeyValuePair<string, object?>("label", label));

    public void Dispose() => _meter.Dispose();
}
