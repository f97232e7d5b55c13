using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.People;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.People;

/// <summary>
/// A person's linked user ids (written through) and its merged profile, read from the user grains one way: nothing is
/// copied out of them, so the merged counts are always the sum of the ids' own exact counts.
/// </summary>
public sealed class PersonGrain(
    [PersistentState("person", StorageNames.GrainState)] IPersistentState<PersonState> state,
    TimeProvider clock) : Grain, IPersonGrain
{
    private string PersonId => this.GetPrimaryKeyString();

    public async Task<LinkOutcome> LinkAsync(string[] storedIds)
    {
        var wanted = storedIds.Distinct(StringComparer.Ordinal).ToList();
        var added = wanted.Except(state.State.Ids, StringComparer.Ordinal).ToList();
        var removed = state.State.Ids.Except(wanted, StringComparer.Ordinal).ToList();

        // Claims first, one by one, so that a refused claim leaves every other id as it was.
        var claimed = new List<string>();
        var heldByOthers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in added)
        {
            if (await GrainFactory.GetGrain<IIdentityLinkGrain>(id).ClaimAsync(PersonId) is { } owner)
            {
                heldByOthers[id] = owner;
            }
            else
            {
                claimed.Add(id);
            }
        }

        if (heldByOthers.Count > 0)
        {
            foreach (var id in claimed)
            {
                await GrainFactory.GetGrain<IIdentityLinkGrain>(id).ReleaseAsync(PersonId);
            }

            return new LinkOutcome { HeldByOthers = heldByOthers };
        }

        if (added.Count > 0 || removed.Count > 0 || state.State.UpdatedAt is null)
        {
            var (previousIds, previousAt) = (state.State.Ids, state.State.UpdatedAt);
            (state.State.Ids, state.State.UpdatedAt) = (wanted, clock.GetUtcNow().UtcDateTime);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                (state.State.Ids, state.State.UpdatedAt) = (previousIds, previousAt);
                throw;
            }
        }

        foreach (var id in removed)
        {
            await GrainFactory.GetGrain<IIdentityLinkGrain>(id).ReleaseAsync(PersonId);
        }

        return new LinkOutcome { Links = new PersonLinks { PersonId = PersonId, Ids = [.. state.State.Ids], UpdatedAt = state.State.UpdatedAt!.Value } };
    }

    public async Task<string[]?> EraseAsync()
    {
        if (state.State.UpdatedAt is null)
        {
            return null;
        }

        var ids = state.State.Ids.ToArray();
        await state.ClearStateAsync();

        // Released after the person is gone, as an unlink does: a release lost to a crash leaves a claim the next
        // person to ask for the id takes over.
        foreach (var id in ids)
        {
            await GrainFactory.GetGrain<IIdentityLinkGrain>(id).ReleaseAsync(PersonId);
        }

        return ids;
    }

    public Task<bool> ListsAsync(string storedId) => Task.FromResult(state.State.Ids.Contains(storedId, StringComparer.Ordinal));

    public async Task<PersonView?> GetProfileAsync()
    {
        if (state.State.UpdatedAt is null)
        {
            return null;
        }

        var ids = state.State.Ids.ToList();
        var views = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IUserProfileGrain>(id).GetViewAsync()));
        return PersonProfile.Merge(PersonId, ids, [.. views.Select((view, i) => (ids[i], view))]);
    }
}
