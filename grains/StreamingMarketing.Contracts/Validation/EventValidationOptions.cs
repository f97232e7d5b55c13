namespace StreamingMarketing.Contracts.Validation;

/// <summary>Bounds an event must respect; bound from configuration section <c>Validation</c>.</summary>
public sealed class EventValidationOptions
{
    public const string SectionName = "Validation";

    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(30);
    public int MaxIdLength { get; set; } = 128;
    public int MaxTextLength { get; set; } = 4_000;
    public int MaxHashtags { get; set; } = 30;
    public int MaxHashtagLength { get; set; } = 100;

    /// <summary>
    /// The largest <c>value</c> one event may carry (a conversion's amount). 10^9 per event keeps every sum finite: even
    /// 2^63 events at the bound add up to about 10^28, far below double's 1.8 × 10^308.
    /// </summary>
    public double MaxValue { get; set; } = 1_000_000_000;
}
