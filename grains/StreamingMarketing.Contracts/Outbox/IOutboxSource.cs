namespace StreamingMarketing.Contracts.Outbox;

/// <summary>A grain that keeps numbered parts in its state until their receivers confirm them.</summary>
public interface IOutboxSource : IAddressable
{
    /// <summary>
    /// The receivers applied (or the courier dead-lettered) these parts: they may leave the outbox. Interleaves, so a
    /// stream turn waiting for room in the courier never blocks its own confirmations; it only removes list entries.
    /// </summary>
    [AlwaysInterleave]
    Task ConfirmDeliveredAsync(long[] sequences);
}
