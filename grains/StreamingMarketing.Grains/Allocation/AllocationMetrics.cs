using System.Diagnostics.Metrics;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Allocation;

/// <summary>Instruments of the traffic allocation, on the product meter. Tags carry the metric name, never campaign ids.</summary>
public static class AllocationMetrics
{
    private static readonly Meter Meter = new(PipelineMetrics.MeterName);

    public static readonly Counter<long> Steps = Meter.CreateCounter<long>(
        "streamingmarketing.allocation.steps", "{step}", "Moves of a campaign's recommended split, by metric.");

    public static readonly Counter<long> Announced = Meter.CreateCounter<long>(
        "streamingmarketing.allocation.announced", "{notification}", "allocation-changed notifications queued for the webhooks, by metric.");

    public static readonly Histogram<double> AdviceDuration = Meter.CreateHistogram<double>(
        "streamingmarketing.allocation.advice.duration", "ms", "Time to compute one allocation answer (posteriors' quadrature and the step).");
}
