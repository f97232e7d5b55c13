using StreamingMarketing.Training;

// The training service's command line. Each command is one class under Commands/.
var command = args.FirstOrDefault();
var options = args.Skip(1);
try
{
    return command switch
    {
        "train" => await TrainCommand.RunAsync(new CommandLine(options)),
        "bench" => await BenchCommand.RunAsync(new CommandLine(options)),
        _ => Usage(),
    };
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run --project training -c Release -- <command> [options]

          train   Train the sentiment head on the shipped TweetEval sentiment train+val sets.
                    --data-dir PATH   product data directory: registry and embedding cache (default .data)
                    --datasets PATH   labeled data folder (default: data/ beside the tool)
                    --output PATH     package directory to write (default <data-dir>/packages/<version>)
                    --version NAME    package version (default sentiment-<UTC timestamp>)
                    --folds N         cross-validation folds (default 5)
                    --publish         publish and promote if it beats the promoted model's validation macro-recall
                    --force           with --publish: publish and promote even if it does not
                    --device D        auto | cuda | cpu (default auto)
          bench   Scorer throughput and latency at concurrency 1, 8, 32, 64 beside raw ONNX Runtime.
                    --seconds N       measuring time per concurrency level (default 5)
                    --device D        auto | cuda | cpu (default auto)
        """);
    return 2;
}
