using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>One user's rolling profile, keyed by user id, fed by the campaign grains.</summary>
public interface IUserProfileGrain : IGrainWithStringKey
{
    /// <summary>Applies interactions; ones already applied (same event id) are ignored, so a campaign may resend.</summary>
    Task ApplyAsync(UserInteraction[] interactions);

    [AlwaysInterleave]
    Task<UserView?> GetViewAsync();

    Task FlushAsync();
}
