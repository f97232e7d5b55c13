using System.ComponentModel;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// refit-heads PACKAGE: re-fits the emotion and brand-safety heads of a fine-tuned package on its own encoder (the
/// base graph plus the package's delta, through ONNX Runtime; no LibTorch) with the current recipes, weighting and
/// calibration, and writes a new package with the same encoder and sentiment head. A head change then does not
/// need the encoder fine-tuned again.
/// </summary>
public sealed class RefitHeadsCommand : AsyncCommand<RefitHeadsCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandArgument(0, "<PACKAGE>")]
        [Description("Directory of a fine-tuned package (manifest.json with an encoder delta).")]
        public string Package { get; init; } = "";

        [CommandOption("--version <NAME>")]
        [Description("Version of the written package.")]
        public string? Version { get; init; }

        [CommandOption("--output <PATH>")]
        [Description("Package directory (default <data-dir>/packages/<version>).")]
        public string? Output { get; init; }

        public override ValidationResult Validate() =>
            Version is null ? ValidationResult.Error("--version is required.")
            : VersionRule(Version, "--version") is { Successful: false } bad ? bad
            : base.Validate();
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(settings.Package);
        ModelManifest manifest;
        try
        {
            manifest = ModelPackage.Verify(source);
        }
        catch (ModelPackageException exception)
        {
            AnsiConsole.MarkupLine($"[red]Refused:[/] {Markup.Escape(exception.Message)}");
            return Task.FromResult(1);
        }

        if (manifest.Encoder.Delta is null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(manifest.Version)} has no encoder delta[/]: re-fit frozen-encoder packages with 'train'.");
            return Task.FromResult(1);
        }

        var options = settings.ToOptions();
        var output = Path.GetFullPath(settings.Output ?? Path.Combine(options.DataDirectory, "packages", settings.Version!));
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(output)} is not empty.[/]");
            return Task.FromResult(1);
        }

        using var baseEncoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), options.Device, 0, NullLogger.Instance);
        using var encoder = FineTunedEncoder.Open(source, manifest, baseEncoder);
        Directory.CreateDirectory(output);
        var refitted = manifest.Heads?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var name = Path.GetFileName(file);
            if (name != "manifest.json" && !refitted.Contains(Path.GetFileNameWithoutExtension(name)))
            {
                File.Copy(file, Path.Combine(output, name));
            }
        }

        var tasks = TrainingRun.CrossValidate(options, encoder, [.. TaskDefinition.Extra.Where(d => refitted.Contains(d.Task))]);
        var heads = tasks.ToDictionary(t => t.Task, t => PackageBuilder.BuildHead(t, output), StringComparer.Ordinal);
        var training = manifest.Training.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        training["extraHeadRecipes"] = string.Join("; ", tasks.Select(t => $"{t.Task}={t.Chosen.Recipe.Spec}"));
        training["headsRefitFrom"] = $"{manifest.Version}: encoder and sentiment head unchanged, other heads re-fitted by refit-heads";
        var written = manifest with { Version = settings.Version!, CreatedAt = DateTimeOffset.UtcNow, Training = training, Heads = heads };
        written.Write(output);
        ModelPackage.Verify(output);
        AnsiConsole.MarkupLine($"Package [bold]{Markup.Escape(settings.Version!)}[/] written to {Markup.Escape(output)}");
        return Task.FromResult(0);
    }
}
