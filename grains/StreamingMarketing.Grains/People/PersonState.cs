namespace StreamingMarketing.Grains.People;

[GenerateSerializer]
public sealed class PersonState
{
    [Id(0)] public List<string> Ids { get; set; } = [];
    [Id(1)] public DateTime? UpdatedAt { get; set; }
}

[GenerateSerializer]
public sealed class IdentityLinkState
{
    [Id(0)] public string? PersonId { get; set; }
}
