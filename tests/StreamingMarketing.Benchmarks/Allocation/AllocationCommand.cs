using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Grains.Allocation;

namespace StreamingMarketing.Benchmarks.Allocation;

/// <summary>
/// <c>allocation [--campaigns N]</c>: the allocation policy beside a uniform split and beside "A/B test to a verdict,
/// then the winner", over simulated campaigns with known true CTRs: the issue's three creatives (2.0%, 2.4%, 3.0%)
/// and campaigns of 2–5 creatives with CTRs drawn from 1–4%. Seeded, so a run repeats exactly.
/// </summary>
internal sealed class AllocationCommand : Command<AllocationCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--campaigns <N>")]
        [Description("Simulated campaigns per scenario.")]
        [DefaultValue(500)]
        public int Campaigns { get; init; } = 500;

        [CommandOption("--rounds <N>")]
        [DefaultValue(30)]
        public int Rounds { get; init; } = 30;

        [CommandOption("--impressions <N>")]
        [Description("Impressions per round.")]
        [DefaultValue(4_000)]
        public int Impressions { get; init; } = 4_000;

        [CommandOption("--seed <N>")]
        [DefaultValue(7)]
        public int Seed { get; init; } = 7;

        public override ValidationResult Validate() =>
            Campaigns < 1 || Rounds < 1 || Impressions < 10
                ? ValidationResult.Error("--campaigns and --rounds must be at least 1, --impressions at least 10.")
                : ValidationResult.Success();
    }

    private sealed record Scenario(string Name, Func<Random, double[]> Rates);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Scenario[] scenarios =
        [
            new("3 creatives, CTR 2.0/2.4/3.0%", _ => [0.020, 0.024, 0.030]),
            new("2–5 creatives, CTR in 1–4%", random => [.. Enumerable.Range(0, random.Next(2, 6)).Select(_ => 0.01 + (0.03 * random.NextDouble()))]),
        ];
        Func<ITrafficPolicy>[] policies = [() => new ThompsonPolicy(new AllocationOptions()), () => new UniformPolicy(), () => new TestThenWinnerPolicy()];

        var table = new Table().AddColumns("scenario", "policy", "clicks lost", "× uniform", "best's final share", "≥ 70% to best", "median round");
        var figures = new Dictionary<string, object>
        {
            ["benchmark"] = "allocation",
            ["campaigns"] = settings.Campaigns,
            ["rounds"] = settings.Rounds,
            ["impressionsPerRound"] = settings.Impressions,
        };
        foreach (var (scenario, s) in scenarios.Select((scenario, s) => (scenario, s)))
        {
            // Each policy meets the same campaigns and the same click draws' seed.
            var elapsed = new TimeSpan[policies.Length];
            var runs = policies.Select((makePolicy, p) =>
            {
                var stopwatch = Stopwatch.StartNew();
                var policyRuns = Enumerable.Range(0, settings.Campaigns).Select(c =>
                {
                    var random = new Random((settings.Seed * 1_000_003) + (s * 10_007) + c);
                    return AllocationSimulation.Follow(makePolicy(), scenario.Rates(random), settings.Rounds, settings.Impressions, random);
                }).ToList();
                elapsed[p] = stopwatch.Elapsed;
                return policyRuns;
            }).ToList();
            var uniformRegret = runs[1].Average(r => r.Regret);
            for (var p = 0; p < policies.Length; p++)
            {
                var regret = runs[p].Average(r => r.Regret);
                var reached = runs[p].Where(r => r.FirstRoundBestAtLeast70 is not null).Select(r => r.FirstRoundBestAtLeast70!.Value).Order().ToList();
                var bestShare = runs[p].Average(r => r.BestShareAtEnd);
                var reachedShare = (double)reached.Count / runs[p].Count;
                table.AddRow(scenario.Name, policies[p]().Name, regret.ToString("N1"), (regret / uniformRegret).ToString("0.000"),
                    bestShare.ToString("P1"), reachedShare.ToString("P1"), reached.Count == 0 ? "–" : reached[reached.Count / 2].ToString());
                figures[$"s{s}.{Key(p)}.regret"] = Math.Round(regret, 2);
                figures[$"s{s}.{Key(p)}.vsUniform"] = Math.Round(regret / uniformRegret, 4);
                figures[$"s{s}.{Key(p)}.bestShareAtEnd"] = Math.Round(bestShare, 4);
                figures[$"s{s}.{Key(p)}.reached70"] = Math.Round(reachedShare, 4);
                if (p == 0)
                {
                    // The whole simulated round (draws included) per read: an upper bound on the allocation's own cost.
                    figures[$"s{s}.thompson.microsecondsPerRound"] = Math.Round(elapsed[p].TotalMicroseconds / (settings.Campaigns * settings.Rounds), 1);
                }
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]Reproduce: {Markup.Escape(BenchmarksApp.Name)} allocation --campaigns {settings.Campaigns} --rounds {settings.Rounds} --impressions {settings.Impressions} --seed {settings.Seed}[/]");
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static string Key(int policy) => policy switch { 0 => "thompson", 1 => "uniform", _ => "abThenWinner" };
}
