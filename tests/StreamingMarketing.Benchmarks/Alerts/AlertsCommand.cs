using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Benchmarks.Forecast;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Benchmarks.Alerts;

/// <summary>
/// <c>alerts</c>: the volume-anomaly rule beside the volume-spike rule on NAB's labeled tweet series, replayed row by
/// row through the product's rule code (<see cref="AlertReplay"/>), scored as NAB scores (<see cref="NabScore"/>)
/// beside NAB's published detectors (<see cref="NabPublished"/>); prints a table and ends with one JSON line.
/// </summary>
internal sealed class AlertsCommand : Command<AlertsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--coverage <C>")]
        [Description("Interval coverage the anomaly rule opens outside of (the rule's default unless set).")]
        public double? Coverage { get; init; }

        [CommandOption("--min-history <HOURS>")]
        [Description("Complete hours of history the anomaly rule needs (the rule's default unless set).")]
        public int? MinHistoryHours { get; init; }

        public override ValidationResult Validate()
        {
            var problems = new List<string>();
            ForecastAnomalyRules.Check(new ForecastAnomalyRule { Coverage = Coverage, MinHistoryHours = MinHistoryHours }, f => $"--{f}", problems);
            return problems.Count > 0 ? ValidationResult.Error(string.Join(" ", problems)) : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var dataDir = Path.Combine(AppContext.BaseDirectory, "data", "nab-tweets");
        var overrides = new AlertRuleSet
        {
            ForecastAnomaly = new ForecastAnomalyRule { Coverage = settings.Coverage, MinHistoryHours = settings.MinHistoryHours },
        };
        var rules = EffectiveRules.Resolve(null, overrides);
        var table = new Table().AddColumns("series", "windows", "anomaly caught", "false / wk", "NAB", "spike caught", "false / wk", "NAB");
        var theirsTable = new Table().AddColumns(["series", .. NabPublished.Detectors.Select(d => d.Detector)]);
        var rows = new List<Dictionary<string, object>>();
        var totals = new { Anomaly = new Sum(), Spike = new Sum() };
        var published = new double[NabPublished.Detectors.Length];
        foreach (var name in NabSeries.Names)
        {
            var nab = NabSeries.Load(dataDir, name);
            var windows = WindowRows(nab);
            var detections = AlertReplay.Run(nab, rules);
            var anomaly = NabScore.Score(nab.FiveMinutes.Count, windows, detections.Anomaly);
            var spike = NabScore.Score(nab.FiveMinutes.Count, windows, detections.Spike);
            totals.Anomaly.Add(anomaly);
            totals.Spike.Add(spike);
            var theirs = NabPublished.Detectors.Select(d => d.Raw[name]).ToArray();
            for (var i = 0; i < theirs.Length; i++)
            {
                published[i] += theirs[i];
            }

            rows.Add(new Dictionary<string, object>
            {
                ["series"] = name,
                ["windows"] = anomaly.Windows,
                ["anomalyCaught"] = anomaly.Caught,
                ["anomalyFalsePerWeek"] = R(anomaly.FalseAlerts / anomaly.ScoredWeeks),
                ["anomalyNabRaw"] = R(anomaly.Raw),
                ["spikeCaught"] = spike.Caught,
                ["spikeFalsePerWeek"] = R(spike.FalseAlerts / spike.ScoredWeeks),
                ["spikeNabRaw"] = R(spike.Raw),
            });
            table.AddRow(name, F(anomaly.Windows), F(anomaly.Caught), F(R(anomaly.FalseAlerts / anomaly.ScoredWeeks)), F(R(anomaly.Raw)),
                F(spike.Caught), F(R(spike.FalseAlerts / spike.ScoredWeeks)), F(R(spike.Raw)));
            theirsTable.AddRow([name, .. theirs.Select(t => F(R(t)))]);
        }

        var windowCount = totals.Anomaly.Windows;
        var summary = new Dictionary<string, object>
        {
            ["coverage"] = rules.Anomaly.Coverage,
            ["minHistoryHours"] = rules.Anomaly.MinHistoryHours,
            ["windows"] = windowCount,
            ["anomalyCaught"] = totals.Anomaly.Caught,
            ["anomalyFalsePerWeek"] = R(totals.Anomaly.FalsePerWeek),
            ["anomalyNabScore"] = R1(NabScore.Normalised(totals.Anomaly.Raw, windowCount)),
            ["spikeCaught"] = totals.Spike.Caught,
            ["spikeFalsePerWeek"] = R(totals.Spike.FalsePerWeek),
            ["spikeNabScore"] = R1(NabScore.Normalised(totals.Spike.Raw, windowCount)),
            ["publishedNabScore"] = NabPublished.Detectors.Select((d, i) => (d.Detector, Score: R1(NabScore.Normalised(published[i], windowCount))))
                .ToDictionary(p => p.Detector, p => (object)p.Score),
            ["series"] = rows,
        };
        table.AddRow("all", F(windowCount), F(totals.Anomaly.Caught), F(R(totals.Anomaly.FalsePerWeek)),
            F(summary["anomalyNabScore"]), F(totals.Spike.Caught), F(R(totals.Spike.FalsePerWeek)), F(summary["spikeNabScore"]));
        theirsTable.AddRow(["all", .. published.Select(p => F(R1(NabScore.Normalised(p, windowCount))))]);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("NAB's published detectors on the same files (raw per series, normalised in the last row):");
        AnsiConsole.Write(theirsTable);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"anomaly rule: opens outside the {rules.Anomaly.Coverage * 100:0.#}% interval, resolves inside the {rules.Anomaly.ResolveCoverage * 100:0.#}% one, after {rules.Anomaly.MinHistoryHours} h of history. NAB: raw standard-profile score per series; the all rows normalise the sums (null detector 0, perfect 100)."));
        AnsiConsole.MarkupLine("Published detectors: github.com/numenta/NAB results/<detector>/<detector>_standard_scores.csv.");
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    /// <summary>Each labeled window as the inclusive indices of the rows inside it.</summary>
    private static List<(int Left, int Right)> WindowRows(NabSeries nab)
    {
        var rows = new List<(int, int)>();
        foreach (var (start, end) in nab.Windows)
        {
            var left = nab.FiveMinutes.FindIndex(r => r.Time >= start);
            var right = nab.FiveMinutes.FindLastIndex(r => r.Time <= end);
            if (left >= 0 && right >= left)
            {
                rows.Add((left, right));
            }
        }

        return rows;
    }

    private static double R(double value) => Math.Round(value, 3);

    private static double R1(double value) => Math.Round(value, 1);

    private static string F(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private sealed class Sum
    {
        public double Raw { get; private set; }
        public int Windows { get; private set; }
        public int Caught { get; private set; }
        public int FalseAlerts { get; private set; }
        public double Weeks { get; private set; }
        public double FalsePerWeek => Weeks == 0 ? 0 : FalseAlerts / Weeks;

        public void Add(NabScore.Result result)
        {
            Raw += result.Raw;
            Windows += result.Windows;
            Caught += result.Caught;
            FalseAlerts += result.FalseAlerts;
            Weeks += result.ScoredWeeks;
        }
    }
}
