using StreamingMarketing.Contracts.People;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// One person across platforms (key = person id): the set of user ids linked to it, and the profile merged from
/// theirs, read one way from the user grains.
/// </summary>
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Makes <paramref name="storedIds"/> the person's ids (those left out are unlinked); idempotent.</summary>
    Task<LinkOutcome> LinkAsync(string[] storedIds);

    /// <summary>Whether the person lists <paramref name="storedId"/>: how a link grain tells a live claim from an orphan.</summary>
    [AlwaysInterleave]
    Task<bool> ListsAsync(string storedId);

    /// <summary>The merged profile; null for a person never linked.</summary>
    [AlwaysInterleave]
    Task<PersonView?> GetProfileAsync();

    /// <summary>Forgets the person and releases its ids; answers the ids it listed, or null for a person never linked.</summary>
    Task<string[]?> EraseAsync();
}

/// <summary>Which person a user id belongs to (key = the stored user id): at most one.</summary>
public interface IIdentityLinkGrain : IGrainWithStringKey
{
    /// <summary>Claims the id for <paramref name="personId"/>; answers the other person holding it, or null once claimed.</summary>
    Task<string?> ClaimAsync(string personId);

    /// <summary>Gives the id up if <paramref name="personId"/> holds it.</summary>
    Task ReleaseAsync(string personId);
}
