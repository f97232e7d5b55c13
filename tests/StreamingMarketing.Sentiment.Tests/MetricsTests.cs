using System.Diagnostics.Metrics;

namespace StreamingMarketing.Sentiment.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Scorer_publishes_its_instruments_on_the_StreamingMarketing_meter()
    {
        var instruments = new Dictionary<string, Instrument>();
        var versions = new List<string?>();
        var labels = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SentimentMetrics.MeterName)
                {
                    lock (instruments)
                    {
                        instruments[instrument.Name] = instrument;
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "streamingmarketing.model.version")
            {
                versions.Add(tags.ToArray().Single(t => t.Key == "version").Value as string);
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "streamingmarketing.sentiment.scored")
            {
                lock (labels)
                {
                    labels.Add(tags.ToArray().Single(t => t.Key == "label").Value as string);
                }
            }
        });
        listener.Start();
        await using var scorer = Scorers.CreateServing();

        await scorer.ScoreAsync(["I love it", "I hate it"]);
        listener.RecordObservableInstruments();

        string[] expected =
        [
            "streamingmarketing.sentiment.requests", "streamingmarketing.sentiment.batch.size", "streamingmarketing.sentiment.queue.wait",
            "streamingmarketing.sentiment.inference.duration", "streamingmarketing.sentiment.queue.depth", "streamingmarketing.sentiment.scored",
            "streamingmarketing.model.version",
        ];
        Assert.All(expected, name => Assert.False(string.IsNullOrEmpty(instruments[name].Description), name));
        Assert.Equal("s", instruments["streamingmarketing.sentiment.queue.wait"].Unit);
        Assert.Equal("s", instruments["streamingmarketing.sentiment.inference.duration"].Unit);
        Assert.Contains("sentiment-v1", versions);
        Assert.Equal(["negative", "positive"], labels.Order());
    }
}
