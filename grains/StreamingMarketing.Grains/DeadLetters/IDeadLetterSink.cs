namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>
/// Where what failed to apply or to deliver is kept for inspection, so a poison event or an undeliverable outbox
/// part neither stalls its stream nor vanishes.
/// </summary>
public interface IDeadLetterSink
{
    Task WriteAsync(DeadLetter letter);

    /// <summary>Deletes every letter whose item names the stored user id, leaving no copy behind; answers how many.</summary>
    Task<int> EraseUserAsync(string userId);

    /// <summary>Deletes letters set aside before <paramref name="cutoff"/> (text retention); answers how many.</summary>
    Task<int> PurgeBeforeAsync(DateTime cutoff);
}

/// <summary>One dead letter as stored: what it is (<c>event</c>, <c>users-part</c>, <c>insights-part</c>), why it was set aside, and the item.</summary>
public sealed record DeadLetter(DateTime At, string Kind, string Error, object Item);
