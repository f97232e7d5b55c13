using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Recommend.Evaluation;

/// <summary>
/// Leave-latest-out: each user with at least <see cref="MinItems"/> items keeps its latest <see cref="Fraction"/>
/// (at least one) out of training, by the time of its last interaction with each item; the model is judged on finding
/// them. Time order, not a random split, so the model never learns from the future it is asked to predict.
/// </summary>
public sealed record HoldoutSplit(double Fraction = 0.2, int MinItems = 3)
{
    public (InteractionSet Train, Dictionary<string, HashSet<string>> HeldOut) Split(IEnumerable<(Interaction Interaction, string[] Tags)> interactions)
    {
        var all = interactions.ToList();
        var latest = new Dictionary<(string User, string Item), DateTime>();
        foreach (var (i, _) in all)
        {
            latest[(i.User, i.Item)] = latest.TryGetValue((i.User, i.Item), out var at) && at > i.At ? at : i.At;
        }

        var heldOut = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var user in latest.GroupBy(p => p.Key.User))
        {
            var items = user.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item, StringComparer.Ordinal).Select(p => p.Key.Item).ToList();
            if (items.Count >= MinItems)
            {
                heldOut[user.Key] = [.. items.Take(Math.Max(1, (int)(items.Count * Fraction)))];
            }
        }

        var train = new InteractionSet();
        foreach (var (i, tags) in all)
        {
            if (!(heldOut.TryGetValue(i.User, out var held) && held.Contains(i.Item)))
            {
                train.Add(i, tags);
            }
        }

        return (train, heldOut);
    }
}
