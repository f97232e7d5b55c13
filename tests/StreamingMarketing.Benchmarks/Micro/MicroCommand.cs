using System.ComponentModel;
using BenchmarkDotNet.Running;
using Spectre.Console.Cli;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>
/// <c>micro [--filter PATTERN] [-- BenchmarkDotNet options]</c>: the BenchmarkDotNet micro-benchmarks of the hot paths.
/// Anything after <c>--</c> goes to BenchmarkDotNet unchanged (<c>-- --job short</c>).
/// </summary>
internal sealed class MicroCommand : Command<MicroCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--filter <PATTERN>")]
        [Description("Which benchmarks to run, by glob on their full names ('*' for all; without it BenchmarkDotNet asks).")]
        public string? Filter { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string[] arguments = [.. settings.Filter is { } filter ? ["--filter", filter] : Array.Empty<string>(), .. context.Remaining.Raw];
        BenchmarkSwitcher.FromAssembly(typeof(MicroCommand).Assembly).Run(arguments);
        return 0;
    }
}
