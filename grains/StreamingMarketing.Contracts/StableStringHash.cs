namespace StreamingMarketing.Contracts;

/// <summary>
/// A 64-bit string hash that is the same in every process (string.GetHashCode is randomised per process, and
/// these hashes are persisted, and gateways must agree on them): FNV-1a over UTF-16 code units, then the SplitMix64 finaliser so HyperLogLog
/// sees well-mixed high bits.
/// </summary>
public static class StableStringHash
{
    public static ulong Of(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return hash;
    }
}
