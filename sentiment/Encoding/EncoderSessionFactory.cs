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
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        if (useCuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return graph.Bytes is { } bytes ? new InferenceSession(bytes, options) : new InferenceSession(graph.Path!, options);
    }

    private sealed record EncoderGraph(string? Path, byte[]? Bytes);
}
