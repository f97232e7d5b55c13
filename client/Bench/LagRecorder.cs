using System.Diagnostics.Metrics;

namespace StreamingMarketing.Client.Bench;

/// <summary>Listens to the pipeline's own event-lag histogram, so the benchmark reports the lag the product measures.</summary>
public sealed class LagRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<double> samples = [];

    public LagRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "streamingmarketing.event.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (samples)
            {
                samples.Add(value);
            }
        });
        listener.Start();
    }

    public void Reset()
    {
        lock (samples)
        {
            samples.Clear();
        }
    }

    /// <summary>The given percentile in milliseconds, or NaN without samples.</summary>
    public double PercentileMs(double percentile)
    {
        lock (samples)
        {
            if (samples.Count == 0)
            {
                return double.NaN;
            }

            samples.Sort();
            return samples[(int)Math.Min(samples.Count - 1, Math.Floor(percentile / 100 * samples.Count))] * 1000;
        }
    }

    public void Dispose() => listener.Dispose();
}
