namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// The ids of the last <see cref="Capacity"/> applied events, as 64-bit stable hashes (8 bytes each, plus the
/// hash set's overhead in memory), forgotten oldest first. This is the grain's dedupe memory: a repeat of an
/// event still remembered is dropped, whichever path it came by (connector retry or stream redelivery).
/// </summary>
[GenerateSerializer]
public sealed class RecentEventIds
{
    [Id(0)] public int Capacity { get; set; }

    /// <summary>Insertion order, as a ring: <see cref="Next"/> is the slot the next id overwrites once full.</summary>
    [Id(1)] public ulong[] Ring { get; set; } = [];
    [Id(2)] public int Count { get; set; }
    [Id(3)] public int Next { get; set; }

    [NonSerialized]
    private HashSet<ulong>? index;

    public RecentEventIds()
    {
    }

    public RecentEventIds(int capacity) => Capacity = capacity;

    /// <summary>
    /// Up to this many ids a linear scan of the ring beats a hash set, and saves the set's memory: user profiles
    /// (128 ids) are the many small grains whose bytes count.
    /// </summary>
    private const int ScanLimit = 256;

    public bool Contains(ulong id) => Capacity <= ScanLimit ? Array.IndexOf(Ring, id, 0, Count) >= 0 : Index.Contains(id);

    /// <summary>Remembers the id; false when it was already remembered.</summary>
    public bool Add(ulong id)
    {
        if (Capacity <= ScanLimit ? Contains(id) : !Index.Add(id))
        {
            return false;
        }

        if (Ring.Length < Capacity && Count == Ring.Length)
        {
            // Grow geometrically: most grains see far fewer events than the capacity.
            var grown = new ulong[Math.Min(Capacity, Math.Max(4, Ring.Length * 2))];
            Array.Copy(Ring, grown, Count);
            Ring = grown;
        }

        if (Count < Capacity)
        {
            Ring[Count++] = id;
            Next = Count % Capacity;
            return true;
        }

        if (Capacity > ScanLimit)
        {
            Index.Remove(Ring[Next]);
        }

        Ring[Next] = id;
        Next = (Next + 1) % Capacity;
        return true;
    }

    private HashSet<ulong> Index => index ??= BuildIndex();

    private HashSet<ulong> BuildIndex()
    {
        var set = new HashSet<ulong>(Count);
        for (var i = 0; i < Count; i++)
        {
            set.Add(Ring[i]);
        }

        return set;
    }
}
