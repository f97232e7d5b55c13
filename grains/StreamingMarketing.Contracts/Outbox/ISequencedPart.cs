namespace StreamingMarketing.Contracts.Outbox;

/// <summary>A numbered part of an outbox, addressed to the grain keyed <see cref="Destination"/>.</summary>
public interface ISequencedPart
{
    string Destination { get; }

    long Sequence { get; }

    /// <summary>The source's previous part to the same receiver that must be applied first; 0 for none.</summary>
    long After { get; }

    /// <summary>Events (or scores) the part carries: what bounds on parts in flight count.</summary>
    int Size { get; }
}
