using Orleans.Metadata;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace StreamingMarketing.Grains.Placement;

/// <summary>
/// Places a grain only on silos whose metadata lists a role. Orleans' built-in metadata filters compare candidate
/// silos with the calling silo's own values, which is not "only on scoring silos"; this filter checks the role itself.
/// </summary>
public sealed class RequiresRolePlacementStrategy : PlacementFilterStrategy
{
    private const string RoleProperty = "required-role";

    public RequiresRolePlacementStrategy() : base(order: 0)
    {
    }

    public RequiresRolePlacementStrategy(string role) : base(order: 0) => Role = role;

    public string Role { get; private set; } = string.Empty;

    public override void AdditionalInitialize(GrainProperties properties) =>
        Role = GetPlacementFilterGrainProperty(RoleProperty, properties) ?? string.Empty;

    protected override IEnumerable<KeyValuePair<string, string>> GetAdditionalGrainProperties(
        IServiceProvider services, Type grainClass, GrainType grainType, IReadOnlyDictionary<string, string> existingProperties)
    {
        yield return new KeyValuePair<string, string>(RoleProperty, Role);
    }
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresRoleAttribute(string role) : PlacementFilterAttribute(new RequiresRolePlacementStrategy(role));

public sealed class RequiresRolePlacementFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var role = ((RequiresRolePlacementStrategy)filterStrategy).Role;
        return silos.Where(silo => SiloRoles.Has(metadata.GetSiloMetadata(silo).Metadata, role));
    }
}
