using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;

namespace StreamingMarketing.Archive.Erasure;

/// <summary>
/// Whether the writer drops an event instead of archiving it: one of an erased user, when erased users stay
/// suppressed. Events past the gateway before the erasure can reach the writer late (a stream redelivering after a
/// crash, a write retried); dropped at write time, none of them lands in a segment after the erasure's last pass.
/// </summary>
public sealed class ArchiveSuppression(SuppressionList suppressed, IOptions<ErasureOptions> options)
{
    public bool Drops(string userId) => options.Value.SuppressErasedUsers && suppressed.Contains(userId);
}
