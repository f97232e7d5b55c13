using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace StreamingMarketing.Sentiment;

/// <summary>Creates the encoder's ONNX Runtime session on the requested execution provider.</summary>
public static class EncoderSessionFactory
{
    public const string CudaProvider = "CUDAExecutionProvider";
    public const string CpuProvider = "CPUExecutionProvider";

    public static (InferenceSession Session, string ExecutionProvider) Create(
        string modelPath, ExecutionDevice device, int intraOpThreads, ILogger logger) =>
        Create(new EncoderGraph(modelPath, null), device, intraOpThreads, logger);

    /// <summary>A session over a graph held in memory (a fine-tuned encoder: base graph + delta).</summary>
    public static (InferenceSession Session, string ExecutionProvider) Create(
        byte[] model, ExecutionDevice device, int intraOpThreads, ILogger logger) =>
        Create(new EncoderGraph(null, model), device, intraOpThreads, logger);

    private static (InferenceSession Session, string ExecutionProvider) Create(
        EncoderGraph graph, ExecutionDevice device, int intraOpThreads, ILogger logger)
    {
        if (device != ExecutionDevice.Cpu)
        {
            try
            {
                var session = CreateSession(graph, intraOpThreads, useCuda: true);
                logger.LogInformation("Sentiment encoder runs on {ExecutionProvider}", CudaProvider);
                return (session, CudaProvider);
            }
            catch (Exception exception) when (exception is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
            {
                if (device == ExecutionDevice.Cuda)
                {
                    throw new InvalidOperationException(
                        $"Sentiment:Device is 'cuda' but the CUDA execution provider cannot start on this machine ({exception.Message.Trim()}). " +
                        "Install CUDA 13 and cuDNN 9 (what ONNX Runtime 1.31 links against), or set Sentiment:Device to 'auto' or 'cpu'.",
                        exception);
                }

                logger.LogWarning(
                    "CUDA execution provider unavailable ({Reason}); sentiment encoder falls back to {ExecutionProvider}",
                    exception.Message.Trim(), CpuProvider);
            }
        }

        var cpuSession = CreateSession(graph, intraOpThreads, useCuda: false);
        logger.LogInformation("Sentiment encoder runs on {ExecutionProvider}", CpuProvider);
        return (cpuSession, CpuProvider);
    }

    private static InferenceSession CreateSession(EncoderGraph graph, int intraOpThreads, bool useCuda)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // The encoder shares its cores with the host (a silo's grains, the batcher's callers). ONNX Runtime's defaults
        // suit a machine of its own: left at 0 threads it pins its workers to cores, so one busy core stalls every
        // operator's parallel section; and its workers spin after each operator and each run, taking CPU the host
        // needs. On shared cores both off is faster for raw ONNX Runtime and the scorer alike (`... Benchmarks -- scorer`).
        options.IntraOpNumThreads = IntraOpThreads(intraOpThreads);
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

        if (useCuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return graph.Bytes is { } bytes ? new InferenceSession(bytes, options) : new InferenceSession(graph.Path!, options);
    }

    /// <summary>
    /// The configured thread count, or one per processor this process may use: <see cref="Environment.ProcessorCount"/>
    /// honours container CPU limits and affinity, where ONNX Runtime's own default counts the machine's cores.
    /// </summary>
    public static int IntraOpThreads(int configured) => configured > 0 ? configured : Environment.ProcessorCount;

    private sealed record EncoderGraph(string? Path, byte[]? Bytes);
}
