using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Benchmarks.Report;

/// <summary>
/// <c>report [--only LIST] [--quick] [--from DIR] [--save DIR] [--out FILE]</c>: runs the end-to-end benches one after
/// another, each as a child process of this program (so one bench's silo, heap and threads never touch the next), or reads
/// their saved output, and writes docs/performance.md from their JSON lines; it also rewrites the headline table between
/// the markers in README.md.
/// </summary>
internal sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public static readonly string[] Known = ["pipeline", "scorer", "cost-curve", "cluster"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--only <LIST>")]
        [Description("The benches to run, comma-separated: pipeline, scorer, cost-curve, cluster.")]
        [DefaultValue("pipeline,scorer,cost-curve,cluster")]
        public string Only { get; init; } = "pipeline,scorer,cost-curve,cluster";

        [CommandOption("--quick")]
        [Description("pipeline --quick (about 3 minutes instead of 6); cost-curve runs to 100,000 users and cluster 20,000 events either way.")]
        public bool Quick { get; init; }

        [CommandOption("--from <DIR>")]
        [Description("Read each bench's output from DIR/<bench>.txt (and DIR/machine.json), as --save wrote it, instead of running it.")]
        public string? From { get; init; }

        [CommandOption("--save <DIR>")]
        [Description("Also save each bench's output to DIR/<bench>.txt and the machine to DIR/machine.json, for --from.")]
        public string? Save { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The report to write (default docs/performance.md in the repository); README.md beside docs/ gets the headline.")]
        public string? Out { get; init; }

        /// <summary>The command line that gives this report again, as its top line names it.</summary>
        public string CommandLine => string.Join(' ', new[]
        {
            "report",
            Quick ? "--quick" : null,
            Only == string.Join(',', Known) ? null : $"--only {Only}",
            From is null ? null : $"--from {From}",
            Out is null ? null : $"--out {Out}",
        }.Where(part => part is not null));

        public string[] Benches => [.. Only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

        public override ValidationResult Validate()
        {
            var unknown = Benches.Where(b => !Known.Contains(b)).ToList();
            return unknown.Count > 0 || Benches.Length == 0
                ? ValidationResult.Error($"--only takes {string.Join(", ", Known)} (got '{Only}').")
                : From is not null && !Directory.Exists(From) ? ValidationResult.Error($"--from: no directory '{From}'.")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "docs", "performance.md"));
        var runs = new List<BenchmarkRun>();
        MachineInfo? machine;
        if (settings.From is { } from)
        {
            var machineFile = Path.Combine(from, MachineInfo.FileName);
            machine = File.Exists(machineFile) ? MachineInfo.FromJson(await File.ReadAllTextAsync(machineFile, cancellationToken)) : null;
        }
        else
        {
            machine = MachineInfo.Current();
        }

        if (settings.Save is { } save)
        {
            Directory.CreateDirectory(save);
            if (machine is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(save, MachineInfo.FileName), machine.ToJson(), cancellationToken);
            }
        }

        var failed = false;
        foreach (var bench in settings.Benches)
        {
            var arguments = Arguments(bench, settings.Quick);
            string text;
            int exitCode;
            if (settings.From is { } savedDir)
            {
                var file = Path.Combine(savedDir, bench + ".txt");
                (text, exitCode) = File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken), 0) : ("", -1);
                arguments = SavedArguments(text) ?? arguments;
            }
            else
            {
                AnsiConsole.MarkupLine($"[grey]report: {Markup.Escape(PerformanceReport.Benchmarks)} {Markup.Escape(arguments)}[/]");
                (text, exitCode) = await RunChildAsync(arguments, root, cancellationToken);
            }

            if (settings.Save is { } saveDir)
            {
                var saved = SavedArguments(text) is null ? $"{ArgumentsLine}{arguments}\n{text}" : text;
                await File.WriteAllTextAsync(Path.Combine(saveDir, bench + ".txt"), saved, cancellationToken);
            }

            var figures = BenchmarkRun.LastJsonLine(text);
            failed |= figures is null;
            var failure = figures is not null ? null
                : exitCode == -1 ? $"no saved output ({bench}.txt) in the directory read"
                : $"it exited with code {exitCode} without a JSON line";
            runs.Add(new BenchmarkRun(bench, arguments, figures, failure));
        }

        var command = $"{PerformanceReport.Benchmarks} {settings.CommandLine}";
        var savedBy = settings.From is null ? null : $"{PerformanceReport.Benchmarks} report --save DIR";
        var report = PerformanceReport.Render(command, machine, settings.From is null ? await CommitAsync(root) : null, runs, savedBy);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report, cancellationToken);
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(output)}");

        var readme = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(output)!)!, "README.md");
        if (File.Exists(readme))
        {
            var before = await File.ReadAllTextAsync(readme, cancellationToken);
            var after = PerformanceReport.ReplaceHeadline(before, PerformanceReport.Headline(runs));
            if (after != before)
            {
                await File.WriteAllTextAsync(readme, after, cancellationToken);
                AnsiConsole.MarkupLine($"Rewrote the headline table in {Markup.Escape(readme)}");
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>A saved output's first line names the arguments that produced it, so a report read back names them too.</summary>
    private const string ArgumentsLine = "# arguments: ";

    private static string? SavedArguments(string text)
    {
        if (!text.StartsWith(ArgumentsLine, StringComparison.Ordinal))
        {
            return null;
        }

        var end = text.IndexOf('\n');
        return text[ArgumentsLine.Length..(end < 0 ? text.Length : end)].Trim();
    }

    public static string Arguments(string bench, bool quick) => bench switch
    {
        "pipeline" => quick ? "pipeline --quick" : "pipeline",
        "scorer" => "scorer",
        // The smaller steps carry the silo's start-up heap and read nothing useful alone; 100,000 users take under a minute.
        "cost-curve" => "cost-curve --max-users 100000",
        "cluster" => "cluster --events 20000",
        _ => throw new ArgumentOutOfRangeException(nameof(bench), bench, null),
    };

    /// <summary>Runs this program again with one bench's arguments, echoing its output as it comes and keeping it.</summary>
    private static async Task<(string Output, int ExitCode)> RunChildAsync(string arguments, string root, CancellationToken cancellationToken)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments.Split(' '))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            Console.WriteLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        lock (output)
        {
            return (output.ToString(), process.ExitCode);
        }
    }

    private static async Task<string?> CommitAsync(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            using var git = Process.Start(start)!;
            var commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "StreamingMarketing.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the report from a clone of the repository.");
    }
}
