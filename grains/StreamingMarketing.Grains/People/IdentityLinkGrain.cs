using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.People;

/// <summary>
/// The one person a user id belongs to, written through. A person claims an id here before it lists it, and releases
/// it after it stopped listing it, so a crash between the two leaves at worst a claim its person no longer lists: the
/// next claim by another person asks, and takes such an orphan over.
/// </summary>
public sealed class IdentityLinkGrain(
    [PersistentState("identity-link", StorageNames.GrainState)] IPersistentState<IdentityLinkState> state) : Grain, IIdentityLinkGrain
{
    public async Task<string?> ClaimAsync(string personId)
    {
        var owner = state.State.PersonId;
        if (owner == personId)
        {
            return null;
        }

        if (owner is not null && await GrainFactory.GetGrain<IPersonGrain>(owner).ListsAsync(this.GetPrimaryKeyString()))
        {
            return owner;
        }

        state.State.PersonId = personId;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.PersonId = owner;
            throw;
        }

        return null;
    }

    public async Task ReleaseAsync(string personId)
    {
        if (state.State.PersonId != personId)
        {
            return;
        }

        state.State.PersonId = null;
        try
        {
            await state.ClearStateAsync();
        }
        catch
        {
            state.State.PersonId = personId;
            throw;
        }
    }
}
