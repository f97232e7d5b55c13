namespace StreamingMarketing.Grains.Allocation;

/// <summary>
/// Turns Thompson sampling's P(best) into the split an ad platform is told to serve: every live variant keeps at least
/// <see cref="MinShare"/> (so none starves and a wrong early lead can still be overturned), paused variants get 0, and
/// no share changes by more than <see cref="MaxShareChange"/> in one move (so delivery is not thrown around by the
/// noise of one round). A move is a convex step from the last split toward the target, so the shares always sum to 1
/// and stay above the floor.
/// </summary>
public sealed record SplitPolicy(double MinShare, double MaxShareChange)
{
    /// <summary>
    /// The target over the live variants: P(best) renormalised over them and mixed with the floor,
    /// f + (1 − k·f)·P(best); uniform when the floors alone fill the traffic.
    /// </summary>
    public Dictionary<string, double> Target(IReadOnlyDictionary<string, double> probabilityBest, IReadOnlyList<string> live)
    {
        var mass = live.Sum(name => probabilityBest[name]);
        return Mixed(live, name => mass > 0 ? probabilityBest[name] / mass : 1.0 / live.Count);
    }

    /// <summary>
    /// The last split over the variants live now. The same live set keeps it as it was; otherwise a paused variant
    /// gives its share up at once (a pause is an instruction, not evidence), a new one joins at the floor, and the rest
    /// keep their proportions. No split yet starts uniform.
    /// </summary>
    public Dictionary<string, double> Rebase(IReadOnlyDictionary<string, double>? previous, IReadOnlyList<string> live)
    {
        if (previous is not null && previous.Count == live.Count && live.All(previous.ContainsKey))
        {
            return live.ToDictionary(name => name, name => previous[name], StringComparer.Ordinal);
        }

        var kept = previous is null ? 0 : live.Sum(name => previous.GetValueOrDefault(name));
        return kept > 0 ? Mixed(live, name => previous!.GetValueOrDefault(name) / kept) : Uniform(live);
    }

    /// <summary>One capped move toward <paramref name="target"/>: every share goes the same fraction of its way.</summary>
    public Dictionary<string, double> Step(IReadOnlyDictionary<string, double> from, IReadOnlyDictionary<string, double> target)
    {
        var largest = from.Keys.Max(name => Math.Abs(target[name] - from[name]));
        var fraction = largest <= MaxShareChange ? 1 : MaxShareChange / largest;
        return from.ToDictionary(pair => pair.Key, pair => pair.Value + (fraction * (target[pair.Key] - pair.Value)), StringComparer.Ordinal);
    }

    /// <summary>The largest change of any one share between two splits (a variant missing from one has share 0 there).</summary>
    public static double LargestMove(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Keys.Union(b.Keys).Select(name => Math.Abs(a.GetValueOrDefault(name) - b.GetValueOrDefault(name))).DefaultIfEmpty(0).Max();

    private Dictionary<string, double> Mixed(IReadOnlyList<string> live, Func<string, double> weight)
    {
        var free = 1 - (live.Count * MinShare);
        return free <= 0
            ? Uniform(live)
            : live.ToDictionary(name => name, name => MinShare + (free * weight(name)), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Uniform(IReadOnlyList<string> live) =>
        live.ToDictionary(name => name, _ => 1.0 / live.Count, StringComparer.Ordinal);
}
