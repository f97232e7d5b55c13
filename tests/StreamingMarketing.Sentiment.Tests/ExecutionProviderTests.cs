using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

public sealed class ExecutionProviderTests
{
    private static readonly EncoderFiles Encoder = new(EncoderFiles.DefaultDirectory);

    [Fact]
    public void Unset_intra_op_threads_means_one_per_processor_this_process_may_use_and_a_set_value_is_kept()
    {
        // Never ONNX Runtime's own default (0), which pins its threads to cores and counts the machine's, not the container's.
        Assert.Equal(Environment.ProcessorCount, EncoderSessionFactory.IntraOpThreads(0));
        Assert.Equal(3, EncoderSessionFactory.IntraOpThreads(3));
    }

    [Fact]
    public void Auto_says_which_provider_runs_and_why_it_fell_back_to_cpu()
    {
        var logger = new ListLogger<ExecutionProviderTests>();

        var (session, provider) = EncoderSessionFactory.Create(Encoder.ModelPath, ExecutionDevice.Auto, 1, logger);
        session.Dispose();

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message == $"Sentiment encoder runs on {provider}");
        if (provider == EncoderSessionFactory.CpuProvider)
        {
            Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning
                && e.Message.StartsWith("CUDA execution provider unavailable", StringComparison.Ordinal)
                && e.Message.EndsWith("falls back to CPUExecutionProvider", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Cuda_on_a_machine_without_cuda_fails_at_startup_with_a_clear_message()
    {
        var (probe, autoProvider) = EncoderSessionFactory.Create(Encoder.ModelPath, ExecutionDevice.Auto, 1, new ListLogger<ExecutionProviderTests>());
        probe.Dispose();
        if (autoProvider == EncoderSessionFactory.CudaProvider)
        {
            // A GPU machine: cuda must simply work there.
            var (session, provider) = EncoderSessionFactory.Create(Encoder.ModelPath, ExecutionDevice.Cuda, 1, new ListLogger<ExecutionProviderTests>());
            session.Dispose();
            Assert.Equal(EncoderSessionFactory.CudaProvider, provider);
            return;
        }

        var exception = Assert.Throws<InvalidOperationException>(
            () => new SentimentService(Options.Create(new SentimentOptions { Device = ExecutionDevice.Cuda }), new ListLogger<SentimentService>()));

        Assert.StartsWith("Sentiment:Device is 'cuda' but the CUDA execution provider cannot start on this machine", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'auto' or 'cpu'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cpu_runs_on_the_cpu_provider()
    {
        await using var scorer = new SentimentService(Options.Create(new SentimentOptions { Device = ExecutionDevice.Cpu, IntraOpThreads = 1 }), new ListLogger<SentimentService>());

        Assert.Equal(EncoderSessionFactory.CpuProvider, scorer.ExecutionProvider);
        Assert.False(scorer.IsReady);
        await Assert.ThrowsAsync<ScorerNotReadyException>(() => scorer.ScoreAsync(["no model yet"]));
    }
}
