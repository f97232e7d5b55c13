using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Benchmarks.Forecast;

/// <summary>
/// <c>forecast [--days N]</c>: the forecast's quality on NAB's real tweet volumes beside seasonal naive. Each series is
/// replayed into a campaign's hourly history with its last day held out (and, with --days, each of the N days before
/// it in turn); prints a table and ends with one JSON line of the figures.
/// </summary>
internal sealed class ForecastCommand : Command<ForecastCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--days <N>")]
        [Description("Held-out days per series, counted back from the last (1 = the issue's check, the last day only).")]
        [DefaultValue(1)]
        public int Days { get; init; } = 1;

        public override ValidationResult Validate() =>
            Days is < 1 or > 14 ? ValidationResult.Error("--days must be from 1 to 14.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(AppContext.BaseDirectory, "data", "nab-tweets");
        var now = DateTime.UtcNow;
        var table = new Table().AddColumns("series", "held-out days", "MAE", "seasonal naive MAE", "ratio", "80% coverage", "95% coverage");
        var rows = new List<Dictionary<string, object>>();
        foreach (var name in NabSeries.Names)
        {
            var nab = NabSeries.Load(dataDir, name);
            var results = Enumerable.Range(0, settings.Days).Select(back => HoldoutEvaluation.Run(nab, now, back)).ToList();
            var row = new Dictionary<string, object>
            {
                ["series"] = name,
                ["mae"] = Math.Round(results.Average(r => r.Mae), 2),
                ["naiveMae"] = Math.Round(results.Average(r => r.NaiveMae), 2),
                ["ratio"] = Math.Round(results.Average(r => r.Ratio), 3),
                ["coverage80"] = Math.Round(results.Average(r => r.Coverage80), 3),
                ["coverage95"] = Math.Round(results.Average(r => r.Coverage95), 3),
            };
            rows.Add(row);
            table.AddRow(name, settings.Days.ToString(CultureInfo.InvariantCulture), F(row["mae"]), F(row["naiveMae"]), F(row["ratio"]),
                F(row["coverage80"]), F(row["coverage95"]));
        }

        var summary = new Dictionary<string, object>
        {
            ["days"] = settings.Days,
            ["meanRatio"] = Math.Round(rows.Average(r => (double)r["ratio"]), 3),
            ["coverage80"] = Math.Round(rows.Average(r => (double)r["coverage80"]), 3),
            ["coverage95"] = Math.Round(rows.Average(r => (double)r["coverage95"]), 3),
            ["series"] = rows,
        };
        table.AddRow("mean", "", "", "", F(summary["meanRatio"]), F(summary["coverage80"]), F(summary["coverage95"]));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("ratio = MAE / seasonal naive's (the same hour the day before), averaged over the held-out days; below 1 the forecast wins.");
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    private static string F(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
