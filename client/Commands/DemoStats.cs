using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Client.Commands;

/// <summary>What <c>demo</c> has sent so far, and its live summary: totals, rate, the busiest campaigns, the type mix.</summary>
internal sealed class DemoStats
{
    private const int ShownCampaigns = 5;
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private readonly Dictionary<string, long> byCampaign = new(StringComparer.Ordinal);
    private readonly long[] byType = new long[EventTypes.Count];

    public long Sent { get; private set; }
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }
    public int Retries { get; set; }

    public double EventsPerSecond => Sent / Math.Max(elapsed.Elapsed.TotalSeconds, 0.001);

    public void Add(List<InteractionEvent> batch, IngestResponse answer)
    {
        Sent += batch.Count;
        Accepted += answer.Accepted;
        Rejected += answer.Rejected;
        foreach (var e in batch)
        {
            byCampaign[e.CampaignId] = byCampaign.GetValueOrDefault(e.CampaignId) + 1;
            byType[(int)e.Type]++;
        }
    }

    public IRenderable Render()
    {
        var totals = Output.KeyValues("demo traffic",
            ("running", elapsed.Elapsed.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("sent", Output.Count(Sent)),
            ("accepted", Output.Count(Accepted)),
            ("rejected", Output.Count(Rejected)),
            ("retried requests", Output.Count(Retries)),
            ("rate", $"{EventsPerSecond:N0} events/s"));

        var campaigns = new Table { Title = new TableTitle("busiest campaigns") }.AddColumns("campaign", "events");
        foreach (var (campaign, count) in byCampaign.OrderByDescending(c => c.Value).Take(ShownCampaigns))
        {
            campaigns.AddRow(Output.Cell(campaign), Output.Cell(Output.Count(count)));
        }

        var types = new Table { Title = new TableTitle("by type") }.AddColumns("type", "events");
        foreach (var type in EventTypes.All.Where(t => byType[(int)t] > 0))
        {
            types.AddRow(Output.Cell(type.ToWireName()), Output.Cell(Output.Count(byType[(int)type])));
        }

        return new Columns(totals, campaigns, types) { Expand = false };
    }
}
