namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// Counts distinct ids exactly up to <see cref="ExactLimit"/> (8 bytes each), then switches to a
/// <see cref="HyperLogLog"/> (16 KiB, ≈0.8% standard error) so memory stays bounded for any audience size.
/// </summary>
[GenerateSerializer]
public sealed class UniqueCounter
{
    public const int ExactLimit = 2_048;

    [Id(0)] public HashSet<ulong>? Exact { get; set; } = [];
    [Id(1)] public HyperLogLog? Sketch { get; set; }

    public bool IsExact => Sketch is null;

    public double RelativeError => IsExact ? 0 : HyperLogLog.RelativeError;

    public long Count => Sketch?.Estimate() ?? Exact!.Count;

    public void Add(ulong hash)
    {
        if (Sketch is not null)
        {
            Sketch.Add(hash);
            return;
        }

        Exact!.Add(hash);
        if (Exact.Count > ExactLimit)
        {
            Sketch = new HyperLogLog();
            foreach (var h in Exact)
            {
                Sketch.Add(h);
            }

            Exact = null;
        }
    }
}
