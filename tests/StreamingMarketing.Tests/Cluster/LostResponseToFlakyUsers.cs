using System.Collections.Concurrent;
using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>
/// Loses the answer of the first call that applies interactions to a user whose id starts with <see cref="Prefix"/>:
/// the user grain applied them, the caller hears a failure, as when a silo dies between the two.
/// </summary>
public sealed class LostResponseToFlakyUsers : IIncomingGrainCallFilter
{
    public const string Prefix = "flaky-";

    private static readonly ConcurrentDictionary<string, bool> Lost = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        var userId = context.TargetId.Key.ToString()!;
        if (context.InterfaceMethod.Name == nameof(IUserSegmentsGrain.ApplyInteractionsAsync)
            && userId.StartsWith(Prefix, StringComparison.Ordinal) && Lost.TryAdd(userId, true))
        {
            throw new TimeoutException($"the answer to {userId} was lost (test)");
        }
    }
}
