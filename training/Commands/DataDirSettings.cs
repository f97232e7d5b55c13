using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>Every command takes the silo's data dir: registry, feedback, embedding cache and packages live under it.</summary>
public class DataDirSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("The silo's data dir: registry (models/), feedback, embedding cache, packages.")]
    [DefaultValue(".data")]
    public string DataDir { get; init; } = ".data";

    public string DataDirectory => Path.GetFullPath(DataDir);

    /// <summary>Version names double as directory and blob prefixes; a bad one is a usage error before anything runs.</summary>
    protected static ValidationResult VersionRule(string? version, string option)
    {
        try
        {
            if (version is not null)
            {
                ModelVersion.EnsureValid(version);
            }

            return ValidationResult.Success();
        }
        catch (ArgumentException exception)
        {
            return ValidationResult.Error($"{option}: {exception.Message}");
        }
    }
}
