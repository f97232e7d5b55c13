using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>Where events that failed to apply are kept for inspection, so a poison event neither stalls its stream nor vanishes.</summary>
public interface IDeadLetterSink
{
    Task WriteAsync(InteractionEvent poison, string error);
}

/// <summary>One dead letter as stored: the event and why it was set aside.</summary>
public sealed record DeadLetter(DateTime At, string Error, InteractionEvent Event);
