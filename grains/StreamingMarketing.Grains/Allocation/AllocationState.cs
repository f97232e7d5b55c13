namespace StreamingMarketing.Grains.Allocation;

/// <summary>What an allocation grain remembers: per metric, the split it last recommended. Everything else it reads from the campaign.</summary>
[GenerateSerializer]
public sealed class AllocationState
{
    [Id(0)] public Dictionary<string, ServedSplit> ByMetric { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer]
public sealed class ServedSplit
{
    /// <summary>The recommended share of each live variant; paused variants are absent (share 0).</summary>
    [Id(0)] public Dictionary<string, double> Shares { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The split the last <c>allocation-changed</c> webhook announced (at first: the uniform split a platform starts from).</summary>
    [Id(1)] public Dictionary<string, double> Notified { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Impressions of all variants when the split last stepped: the next step waits for enough new ones.</summary>
    [Id(2)] public long ImpressionsAtStep { get; set; }
    [Id(3)] public long Steps { get; set; }
    [Id(4)] public DateTime? MovedAt { get; set; }

    public ServedSplit Copy() => new()
    {
        Shares = new Dictionary<string, double>(Shares, StringComparer.Ordinal),
        Notified = new Dictionary<string, double>(Notified, StringComparer.Ordinal),
        ImpressionsAtStep = ImpressionsAtStep,
        Steps = Steps,
        MovedAt = MovedAt,
    };
}
