namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// Where an activation starts numbering parts. Parts leave a grain only after the write that holds them, so the saved
/// next number is above every number a receiver has seen. The floor of the wall clock in microseconds covers state
/// lost without a write (an embedded silo killed): a new activation still numbers above what its predecessor sent,
/// since no grain numbers a million parts a second, and receivers never mistake its new parts for resends.
/// </summary>
public static class PartNumbering
{
    public static long FirstSequence(long savedNext, DateTime utcNow) =>
        Math.Max(savedNext, (utcNow - DateTime.UnixEpoch).Ticks / 10);
}
