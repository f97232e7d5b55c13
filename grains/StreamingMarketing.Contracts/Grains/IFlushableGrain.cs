namespace StreamingMarketing.Contracts.Grains;

/// <summary>A grain that coalesces its state writes and can be told to write what it holds now.</summary>
public interface IFlushableGrain : IGrainWithStringKey
{
    /// <summary>Writes pending state now: on a clean shutdown, and in tests that check durability.</summary>
    Task FlushAsync();
}
