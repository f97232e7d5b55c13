using StreamingMarketing.Contracts.Forecasting;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// A campaign's forecasts, keyed by campaign id: computed on read from the hourly history its insights grain keeps,
/// which it only reads. Holds no state of its own.
/// </summary>
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>The next <paramref name="horizon"/> buckets (of <paramref name="bucketWidth"/>) of <paramref name="metric"/>; null when the campaign never received an event.</summary>
    Task<ForecastView?> GetForecastAsync(ForecastMetric metric, ForecastStep bucketWidth, int horizon);
}
