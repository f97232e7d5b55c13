using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>Where LibTorch trains: the GPU with the CUDA build (deploy/fine-tuning), the CPU here.</summary>
public static class TorchDevices
{
    public static Device Resolve(string name) => name.ToLowerInvariant() switch
    {
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cuda" => cuda.is_available() ? CUDA : throw new InvalidOperationException(
            "--torch-device cuda, but LibTorch finds no CUDA device: build training with -p:TorchSharpBackend=cuda-linux and run it on a GPU node."),
        "cpu" => CPU,
        _ => throw new ArgumentException($"--torch-device must be auto, cuda or cpu, not '{name}'."),
    };
}
