namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// Batches of similar length, so little compute goes to padding: each epoch shuffles (seeded), sorts within
/// windows of <see cref="WindowBatches"/> batches by token count, cuts batches, then shuffles the batches, so
/// lengths vary across steps but hardly within one.
/// </summary>
public static class LengthBuckets
{
    public const int WindowBatches = 50;

    public static IReadOnlyList<int[]> Batches(IReadOnlyList<FineTuneExample> examples, int batchSize, int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<int[]>();
        var window = batchSize * WindowBatches;
        for (var start = 0; start < order.Length; start += window)
        {
            var sorted = order.AsSpan(start, Math.Min(window, order.Length - start)).ToArray().OrderBy(i => examples[i].Tokens.Length).ToArray();
            batches.AddRange(sorted.Chunk(batchSize));
        }

        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }
}
