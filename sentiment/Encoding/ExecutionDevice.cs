namespace StreamingMarketing.Sentiment;

/// <summary>Where the encoder runs (<c>Sentiment:Device</c>).</summary>
public enum ExecutionDevice
{
    /// <summary>CUDA where it loads, otherwise CPU (logged).</summary>
    Auto,

    /// <summary>CUDA or a startup failure: for GPU silos, where silently running on CPU would be an outage.</summary>
    Cuda,

    Cpu,
}
