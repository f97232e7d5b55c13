using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// One campaign's traffic allocation across its creatives, keyed by campaign id. Reads the campaign's variant counters
/// one way and keeps only the split it last recommended per metric (the base of the next capped move, and of the
/// <c>allocation-changed</c> webhook).
/// </summary>
public interface ICampaignAllocationGrain : IGrainWithStringKey
{
    /// <summary>The recommended split; null when the campaign never received an event.</summary>
    Task<AllocationView?> GetAllocationAsync(VariantMetric metric);
}
