namespace StreamingMarketing.Contracts.Insights;

/// <summary>What is trending over one window, hashtags and text keywords apart, most bursting first.</summary>
[GenerateSerializer, Immutable]
public sealed record TrendsView
{
    [Id(0)] public required string Window { get; init; }
    [Id(1)] public required List<TrendingItem> Hashtags { get; init; }
    [Id(2)] public required List<TrendingItem> Keywords { get; init; }

    /// <summary>Counters per sketch: an item above 1/capacity of the decayed traffic is always tracked.</summary>
    [Id(3)] public int SketchCapacity { get; init; }
    [Id(4)] public DateTime AsOf { get; init; }
}

/// <summary>
/// One item: <see cref="Recent"/> its exponentially decayed count over the window, <see cref="Expected"/> what its own
/// long-run rate predicts for such a window, <see cref="Burst"/> = (recent − expected) / √(expected + prior).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrendingItem
{
    [Id(0)] public required string Item { get; init; }
    [Id(1)] public double Recent { get; init; }
    [Id(2)] public double Expected { get; init; }
    [Id(3)] public double Burst { get; init; }

    /// <summary>How much <see cref="Recent"/> may overstate the truth (inherited from an evicted counter; 0 when exact).</summary>
    [Id(4)] public double MaxOverestimate { get; init; }
}

/// <summary>The windows trends are ranked over: the span the recent rate is measured across.</summary>
public enum TrendWindow
{
    FifteenMinutes = 0,
    OneHour = 1,
    OneDay = 2,
}

public static class TrendWindows
{
    public static readonly string[] Names = ["15m", "1h", "24h"];

    public static string ToName(this TrendWindow window) => Names[(int)window];

    public static bool TryParse(string? value, out TrendWindow window)
    {
        var index = Array.IndexOf(Names, value);
        window = (TrendWindow)Math.Max(0, index);
        return index >= 0;
    }
}
