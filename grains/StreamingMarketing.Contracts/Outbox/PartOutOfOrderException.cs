namespace StreamingMarketing.Contracts.Outbox;

/// <summary>
/// A receiver got a part before the part it must follow (a courier of another silo still holds that one, as when a
/// source moved silos): the call fails, and the courier sends it again after a back-off, once the earlier part landed.
/// </summary>
[GenerateSerializer]
public sealed class PartOutOfOrderException(string message) : Exception(message);
