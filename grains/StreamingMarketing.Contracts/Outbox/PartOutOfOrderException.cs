namespace StreamingMarketing.Contracts.Outbox;

/// <summary>
/// A receiver got a part before the part it must follow (a courier of another silo still holds that one, as when a
/// source moved silos, or the receiver lost it unsaved with its silo): the call fails. The embedded profile's courier
/// sends it again after a back-off, once the earlier part landed; where receivers confirm their own writes, the
/// source sends every unconfirmed part again, in order.
/// </summary>
[GenerateSerializer]
public sealed class PartOutOfOrderException(string message) : Exception(message);
