using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Grains.Forecasting;

/// <summary>
/// Forecasts on read: one read of the campaign's hourly history from its insights grain (one way: nothing is written
/// back), one fit. Stateless, so reads of a busy campaign spread over activations instead of queueing on one.
/// </summary>
[StatelessWorker]
public sealed class ForecastGrain : Grain, IForecastGrain
{
    public async Task<ForecastView?> GetForecastAsync(ForecastMetric metric, ForecastStep bucketWidth, int horizon)
    {
        var history = await GrainFactory.GetGrain<ICampaignInsightsGrain>(this.GetPrimaryKeyString()).GetHistoryAsync(metric);
        return history is null ? null : ForecastBuilder.Build(history, metric, bucketWidth, horizon);
    }
}
