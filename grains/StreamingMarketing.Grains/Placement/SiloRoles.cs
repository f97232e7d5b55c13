namespace StreamingMarketing.Grains.Placement;

/// <summary>Roles a silo can hold, advertised as silo metadata under <see cref="MetadataKey"/> (comma separated).</summary>
public static class SiloRoles
{
    public const string MetadataKey = "roles";

    /// <summary>Runs the sentiment scorer (GPU silos in production).</summary>
    public const string Scoring = "scoring";

    public static bool Has(IReadOnlyDictionary<string, string>? metadata, string role) =>
        metadata is not null &&
        metadata.TryGetValue(MetadataKey, out var roles) &&
        roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(role, StringComparer.OrdinalIgnoreCase);
}
