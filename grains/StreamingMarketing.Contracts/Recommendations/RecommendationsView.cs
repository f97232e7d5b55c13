namespace StreamingMarketing.Contracts.Recommendations;

/// <summary>The answer of <c>GET /api/users/{id}/recommendations</c> (docs/api.md).</summary>
[GenerateSerializer, Immutable]
public sealed record RecommendationsView
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string Kind { get; init; }

    /// <summary>The serving recommender version; null while none is published.</summary>
    [Id(2)] public string? Model { get; init; }

    [Id(3)] public required List<RecommendedItem> Items { get; init; }

    /// <summary>
    /// <c>model</c>: from the user's own interactions; <c>popular-in-interests</c>: a user the model has not seen, given
    /// the most popular items of its interests; <c>popular</c>: the same without interests that match; <c>none</c>: no model yet.
    /// </summary>
    [Id(4)] public required string Basis { get; init; }
}

/// <summary>One recommended item; <see cref="Because"/> lists the user's items that led to it (or the matching interests).</summary>
[GenerateSerializer, Immutable]
public sealed record RecommendedItem([property: Id(0)] string Id, [property: Id(1)] double Score, [property: Id(2)] List<string> Because);
