using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Grains.Spend;

/// <summary>
/// A campaign's spend against its budget, projected linearly to its end date at the spend rate of the last 24 hours
/// of event time (of the hours since its first event, when younger): the pace a budget is being spent at now, not the
/// average since launch, which a campaign ramping up or down would misstate.
/// </summary>
public static class BudgetProjection
{
    private static readonly TimeSpan RateSpan = TimeSpan.FromHours(24);

    /// <param name="total">Spend of all the campaign's traffic.</param>
    /// <param name="lastDay">Spend of the last 24 hours' traffic (the 24h window).</param>
    public static BudgetView? Of(CampaignMetadata? metadata, SpendView? total, SpendView? lastDay, DateTime? firstEventAt, DateTime now)
    {
        if (metadata is null || total is null)
        {
            return null;
        }

        decimal? budget = metadata.Budget is { } b ? (decimal)b : null;
        var spendPerHour = SpendPerHour(lastDay, firstEventAt, now);
        var projected = metadata.End switch
        {
            null => (decimal?)null,
            { } end when end <= now => total.Spend,
            { } end => spendPerHour is { } rate ? total.Spend + Math.Round(rate * (decimal)(end - now).TotalHours, SpendCalculator.RatioDecimals) : total.Spend,
        };

        return new BudgetView
        {
            Currency = metadata.Currency,
            Spend = total.Spend,
            Budget = budget,
            Remaining = budget - total.Spend,
            BudgetUsed = budget > 0 ? Math.Round((double)(total.Spend / budget.Value), SpendCalculator.RatioDecimals) : null,
            SpendPerHour = spendPerHour,
            ProjectedSpend = projected,
            ProjectedAt = projected is null ? null : metadata.End,
            ProjectedOverBudget = projected is { } p && budget is { } limit ? p > limit : null,
        };
    }

    private static decimal? SpendPerHour(SpendView? lastDay, DateTime? firstEventAt, DateTime now)
    {
        if (lastDay is null || firstEventAt is not { } first)
        {
            return null;
        }

        // At least an hour: a campaign minutes old would otherwise project its first burst over the whole flight.
        var hours = Math.Clamp((now - first).TotalHours, 1, RateSpan.TotalHours);
        return Math.Round(lastDay.Spend / (decimal)hours, SpendCalculator.RatioDecimals);
    }
}
