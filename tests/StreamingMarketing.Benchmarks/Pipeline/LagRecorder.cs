using System.Diagnostics.Metrics;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>Listens to the pipeline's own event-lag histogram, so the benchmark reports the lag the product measures.</summary>
public sealed class LagRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    /// <summary>Lock-free appends: every campaign grain records here, so a lock would be contended and slow what it measures.</summary>
    private readonly double[] samples = new double[1 << 22];
    private int count;

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
            var index = Interlocked.Increment(ref count) - 1;
            if (index < samples.Length)
            {
                samples[index] = value;
            }
        });
        listener.Start();
    }

    /// <summary>Only between phases, while nothing is measured.</summary>
    public void Reset() => Volatile.Write(ref count, 0);

    /// <summary>The given percentile in milliseconds, or NaN without samples.</summary>
    public double PercentileMs(double percentile)
    {
        var recorded = Math.Min(Volatile.Read(ref count), samples.Length);
        if (recorded == 0)
        {
            return double.NaN;
        }

        var sorted = samples[..recorded];
        Array.Sort(sorted);
        return sorted[(int)Math.Min(recorded - 1, Math.Floor(percentile / 100 * recorded))] * 1000;
    }

    public void Dispose() => listener.Dispose();
}
