using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>One user's rolling profile, keyed by user id, fed one way by campaign and insights grains' outboxes.</summary>
public interface IUserProfileGrain : IFlushableGrain
{
    /// <summary>
    /// Applies parts in the order given; a part whose number is not above the last one applied from its source and
    /// campaign is a resend and is ignored. Parts of one source and campaign must arrive in sequence order.
    /// </summary>
    Task ApplyPartsAsync(UserPart[] parts);

    [AlwaysInterleave]
    Task<UserView?> GetViewAsync();

    /// <summary>Deletes the profile from storage; answers the campaigns it named, where the erasure looks next.</summary>
    Task<string[]> EraseAsync();
}
