using Spectre.Console;
using StreamingMarketing.Training;

// The training service's command line. Each command is one class under Commands/.
var command = args.FirstOrDefault();
try
{
    return command switch
    {
        "train" => await TrainCommand.RunAsync(new CommandLine(args.Skip(1))),
        "evaluate" => await EvaluateCommand.RunAsync(new CommandLine(args.Skip(1))),
        "list" => await ListCommand.RunAsync(new CommandLine(args.Skip(1))),
        "rollback" => await RollbackCommand.RunAsync(args.ElementAtOrDefault(1), new CommandLine(args.Skip(2))),
        "serve" => await ServeCommand.RunAsync(new CommandLine(args.Skip(1))),
        "bench" => await BenchCommand.RunAsync(new CommandLine(args.Skip(1))),
        _ => Usage(),
    };
}
catch (ArgumentException exception)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        Usage: dotnet run --project training -c Release -- <command> [options]   (training/README.md has the details)

          train      Cross-validate every recipe per head on the shipped data + stored feedback, package the best.
                       --data-dir PATH  the silo's data dir: registry, feedback, embedding cache (default .data)
                       --publish        publish + promote if it beats the serving model on the same folds
                       --force          with --publish: publish even if it does not
                       --version NAME   package version (default sentiment-<UTC timestamp>)
                       --output PATH    package directory (default <data-dir>/packages/<version>)
          evaluate   A version's recorded metrics and its recipe re-run on today's data.   --version NAME (default promoted)
          list       Published versions; * marks the promoted one.
          rollback VERSION   Promote a published version again (verified first).
          serve      Retrain and publish (gated) when enough new feedback arrived.
                       --interval TIMESPAN (e.g. 00:30:00)   --min-feedback N (default 50)
          bench      Scorer throughput and latency beside raw ONNX Runtime.   --seconds N, --device D

        train/evaluate/serve also take: --datasets PATH, --folds N (5), --device auto|cuda|cpu, --sample N (at most
        N examples per head, for quick runs), --recipes "spec;spec" (sentiment candidates), --sentiment-only.
        All commands take --data-dir; the registry kind follows Sentiment__Registry__* environment variables.
        """);
    return 2;
}
