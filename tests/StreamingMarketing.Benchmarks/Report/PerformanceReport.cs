using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StreamingMarketing.Benchmarks.Report;

/// <summary>
/// Renders docs/performance.md from the benchmarks' JSON lines: the machine, each figure beside its baseline (the
/// ceiling, raw ONNX Runtime, the embedded profile) with the ratio and the target, how each bench measures, and the
/// command that reproduces it. Pure: the same runs give the same text, so it is tested on fixed lines.
/// </summary>
public static class PerformanceReport
{
    public const string Benchmarks = "dotnet run -c Release --project tests/StreamingMarketing.Benchmarks --";

    /// <summary>The README's headline table sits between these markers; <c>report</c> rewrites what lies between.</summary>
    public const string HeadlineBegin = "<!-- performance-headline: written by the benchmarks' report command -->";
    public const string HeadlineEnd = "<!-- /performance-headline -->";

    public const double PipelineTarget = 0.6;
    public const double ScorerTarget = 0.9;
    public const double BytesPerUserGrainAim = 3 * 1024;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(string command, MachineInfo? machine, string? commit, IReadOnlyList<BenchmarkRun> runs, string? savedBy = null)
    {
        var md = new StringBuilder();
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine($"Written by `{command}`; do not edit by hand, run it again. Absolute rates depend on the machine");
        md.AppendLine("below and on what else it runs; the ratios, each measured against its baseline in the same run, carry");
        md.AppendLine("across machines.");
        if (savedBy is not null)
        {
            md.AppendLine();
            md.AppendLine($"The figures are read from the benches' output as `{savedBy}` saved it (the machine below is the one that ran");
            md.AppendLine("them); `report` without `--from` runs them again.");
        }

        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        if (machine is null)
        {
            md.AppendLine("Not recorded (the figures were read from saved JSON lines without a `machine.json`).");
        }
        else
        {
            md.AppendLine("| | |");
            md.AppendLine("| --- | --- |");
            md.AppendLine($"| CPU | {machine.Cpu} |");
            md.AppendLine($"| cores | {machine.Cores} |");
            md.AppendLine($"| memory | {machine.MemoryGiB.ToString("0.#", Invariant)} GiB |");
            md.AppendLine($"| OS | {machine.OperatingSystem} |");
            md.AppendLine($"| .NET | {machine.Runtime} |");
            if (machine.LoadAverage is not null)
            {
                md.AppendLine($"| load average when the report started | {machine.LoadAverage} |");
            }

            if (commit is not null)
            {
                md.AppendLine($"| commit | `{commit}` |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Headline");
        md.AppendLine();
        md.Append(Headline(runs));
        foreach (var run in runs)
        {
            md.AppendLine();
            md.Append(Section(run));
        }

        md.AppendLine();
        md.AppendLine("## Micro-benchmarks");
        md.AppendLine();
        md.AppendLine("BenchmarkDotNet benchmarks of the hot paths (request parsing, NDJSON, validation, window updates, HyperLogLog,");
        md.AppendLine("event-id hashing, top-k, the campaign dedupe ring, the campaign's and the user profile's per-event applies with");
        md.AppendLine("their allocations, tokenisation, text features, encoder call sizes) are not");
        md.AppendLine("part of this report: their absolute timings need an idle machine. Run them with");
        md.AppendLine($"`{Benchmarks} micro --filter '*'` (BenchmarkDotNet options after `--`); `{Benchmarks} --help` lists every bench.");
        md.AppendLine("The scorer at other concurrencies (1, 8, 32, 64 callers): `dotnet run --project training -c Release -- bench --seconds 3`");
        md.AppendLine("([sentiment/README.md](../sentiment/README.md)).");
        return md.ToString();
    }

    /// <summary>One row per figure that matters most, with its baseline: the README shows this table.</summary>
    public static string Headline(IReadOnlyList<BenchmarkRun> runs)
    {
        var md = new StringBuilder();
        md.AppendLine("| figure | value | baseline | × baseline | target |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        var rows = 0;
        foreach (var run in runs.Where(r => r.Figures is not null))
        {
            var f = run.Figures!;
            switch (run.Name)
            {
                case "pipeline":
                    md.AppendLine($"| pipeline, events/s (embedded silo) | {Count(f, "pipelineEventsPerSec")} | {Count(f, "ceilingEventsPerSec")} (no-op subscriber) | {Ratio(f, "pipelineVsCeiling")} | {PipelineTarget.ToString("0.0#", Invariant)} |");
                    md.AppendLine($"| ingest via HTTP, events/s (batches of 1,000) | {Count(f, "httpBatch1000EventsPerSec")} | {Count(f, "ceilingEventsPerSec")} (no-op subscriber) | {Ratio(f, "httpVsCeiling")} | – |");
                    rows += 2;
                    break;
                case "scorer":
                    md.AppendLine($"| scorer at 64 callers vs raw ONNX Runtime ({Text(f, "model")}) | | raw ONNX Runtime, batches of 32 | {Ratio(f, "scorerVsRawOrt")} | {ScorerTarget.ToString("0.0#", Invariant)} |");
                    rows++;
                    break;
                case "cost-curve" when f["steps"] is JsonArray { Count: > 0 } steps:
                    var last = steps[^1]!.AsObject();
                    md.AppendLine($"| memory per user grain, bytes ({Count(last, "users")} users) | {Count(last, "bytesPerUserGrain")} | | | ≤ {BytesPerUserGrainAim.ToString("N0", Invariant)} |");
                    rows++;
                    break;
                case "cluster":
                    var largest = LargestSiloCount(f);
                    if (largest is not null)
                    {
                        md.AppendLine($"| local-cluster, {largest} silos, events/s | {Count(f, $"localCluster{largest}EventsPerSec")} | {Count(f, "embeddedEventsPerSec")} (embedded) | {Ratio(f, $"localCluster{largest}VsEmbedded")} | – |");
                        md.AppendLine($"| events per storage operation ({largest} silos) | {Number(f, "eventsPerStorageOperation", "F2")} | | | – |");
                        rows += 2;
                    }

                    break;
            }
        }

        if (rows == 0)
        {
            md.AppendLine("| (no figures) | | | | |");
        }

        return md.ToString();
    }

    /// <summary>Replaces the block between the headline markers of a README with <paramref name="headline"/>; unchanged without markers.</summary>
    public static string ReplaceHeadline(string readme, string headline)
    {
        var begin = readme.IndexOf(HeadlineBegin, StringComparison.Ordinal);
        var end = readme.IndexOf(HeadlineEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return readme;
        }

        var start = begin + HeadlineBegin.Length;
        return string.Concat(readme.AsSpan(0, start), "\n", headline, readme.AsSpan(end));
    }

    private static string Section(BenchmarkRun run)
    {
        var md = new StringBuilder();
        md.AppendLine($"## {Title(run.Name)}");
        md.AppendLine();
        md.AppendLine(Method(run.Name));
        md.AppendLine();
        md.AppendLine($"Reproduce: `{Benchmarks} {run.Arguments}`{Prerequisite(run.Name)}.");
        md.AppendLine();
        if (run.Figures is null)
        {
            md.AppendLine($"Not measured in this report: {run.Failure ?? "the bench printed no JSON line"}.");
            return md.ToString();
        }

        var f = run.Figures;
        switch (run.Name)
        {
            case "pipeline":
                md.AppendLine("| figure | value | baseline | × baseline | target |");
                md.AppendLine("| --- | --- | --- | --- | --- |");
                md.AppendLine($"| pipeline, direct publish, batches of 1,000 (events/s) | {Count(f, "pipelineEventsPerSec")} | ceiling {Count(f, "ceilingEventsPerSec")} | **{Ratio(f, "pipelineVsCeiling")}** | {PipelineTarget.ToString("0.0#", Invariant)} |");
                md.AppendLine($"| pipeline via HTTP, batches of 1,000 (events/s) | {Count(f, "httpBatch1000EventsPerSec")} | ceiling | {Ratio(f, "httpVsCeiling")} | – |");
                md.AppendLine($"| pipeline via HTTP, batches of 100 (events/s) | {Count(f, "httpBatch100EventsPerSec")} | ceiling | {Ratio(f, "httpBatch100VsCeiling")} | – |");
                md.AppendLine($"| lag p50 / p99, direct publish (ms) | {Number(f, "lagP50Ms", "N0")} / {Number(f, "lagP99Ms", "N0")} | | | – |");
                md.AppendLine($"| bytes allocated per event, direct publish (whole process) | {Count(f, "pipelineAllocatedBytesPerEvent")} | ceiling {Count(f, "ceilingAllocatedBytesPerEvent")} | | – |");
                md.AppendLine($"| share of the phase paused for garbage collection | {Percent(f, "pipelineGcPauseShare")} | | | – |");
                md.AppendLine($"| courier calls per event (users and insights) | {Number(f, "courierCallsPerEvent", "F3")} | | | – |");
                md.AppendLine($"| bytes serialized per event: stream batch / user parts | {Number(f, "streamBatchBytesPerEvent", "N0")} / {Number(f, "userPartBytesPerEvent", "N0")} | | | – |");
                md.AppendLine($"| scorer at 64 callers (texts/s, {Text(f, "executionProvider")}) | {Count(f, "scorerTextsPerSec")} | raw ONNX Runtime {Count(f, "rawOrtTextsPerSec")} | **{Ratio(f, "scorerVsRawOrt")}** | {ScorerTarget.ToString("0.0#", Invariant)} |");
                md.AppendLine();
                md.AppendLine($"{Count(f, "cores")} cores; {(f["quick"]?.GetValue<bool>() == true ? "`--quick` phases" : "full-length phases")}. The ratios are medians of the paired runs; the absolute rates are the median run's.");
                break;
            case "scorer":
                md.AppendLine("| figure | value | baseline | target |");
                md.AppendLine("| --- | --- | --- | --- |");
                md.AppendLine($"| scorer vs raw ONNX Runtime, median of {Count(f, "repeats")} pairs of {Count(f, "seconds")} s | **{Ratio(f, "scorerVsRawOrt")}** | raw ONNX Runtime = 1 | {ScorerTarget.ToString("0.0#", Invariant)} |");
                var ratios = f["ratios"] is JsonArray pairs ? string.Join(", ", pairs.Select(p => p!.GetValue<double>().ToString("F3", Invariant))) : "–";
                md.AppendLine();
                md.AppendLine($"Model `{Text(f, "model")}`, CPU, {Count(f, "cores")} cores; each pair's ratio: {ratios}.");
                break;
            case "cost-curve":
                md.AppendLine("| distinct users | events | events/s | managed heap growth | bytes per user grain |");
                md.AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var step in (f["steps"] as JsonArray ?? []).Select(s => s!.AsObject()))
                {
                    md.AppendLine($"| {Count(step, "users")} | {Count(step, "events")} | {Count(step, "eventsPerSec")} | {Number(step, "heapGrowthMiB", "F1")} MiB | {Count(step, "bytesPerUserGrain")} |");
                }

                md.AppendLine();
                md.AppendLine($"Aim: at most {BytesPerUserGrainAim.ToString("N0", Invariant)} bytes per active user grain.");
                break;
            case "cluster":
                md.AppendLine("| configuration | events/s | × embedded | events per storage operation |");
                md.AppendLine("| --- | --- | --- | --- |");
                md.AppendLine($"| embedded, 1 silo (SQLite, memory streams) | {Count(f, "embeddedEventsPerSec")} | 1 | – |");
                foreach (var silos in SiloCounts(f))
                {
                    md.AppendLine($"| local-cluster, {silos} silo{(silos == 1 ? "" : "s")} (Azurite) | {Count(f, $"localCluster{silos}EventsPerSec")} | {Ratio(f, $"localCluster{silos}VsEmbedded")} | {Number(f, $"localCluster{silos}EventsPerStorageOperation", "F2")} |");
                }

                var operations = f.Select(p => p.Key)
                    .Where(k => k.StartsWith("localCluster", StringComparison.Ordinal) && k.Contains("Azurite", StringComparison.Ordinal) && k.EndsWith("PerSec", StringComparison.Ordinal))
                    .Select(k => k[(k.IndexOf("Azurite", StringComparison.Ordinal) + "Azurite".Length)..^"PerSec".Length])
                    .Distinct()
                    .ToList();
                if (operations.Count > 0)
                {
                    md.AppendLine();
                    md.AppendLine("Azurite's own rates, raw SDK calls from 8 callers on each fresh Azurite before its silos start (operations/s):");
                    md.AppendLine();
                    md.AppendLine($"| configuration | {string.Join(" | ", operations.Select(Words))} |");
                    md.AppendLine($"| --- |{string.Concat(operations.Select(_ => " --- |"))}");
                    foreach (var silos in SiloCounts(f))
                    {
                        md.AppendLine($"| local-cluster, {silos} silo{(silos == 1 ? "" : "s")} | {string.Join(" | ", operations.Select(o => Count(f, $"localCluster{silos}Azurite{o}PerSec")))} |");
                    }
                }

                md.AppendLine();
                md.AppendLine($"Azurite ran at niceness {Count(f, "azuriteNice")}.");
                break;
        }

        return md.ToString();
    }

    private static string Title(string name) => name switch
    {
        "pipeline" => "Pipeline and scorer (`pipeline`)",
        "scorer" => "Scorer alone (`scorer`)",
        "cost-curve" => "Cost per user (`cost-curve`)",
        "cluster" => "Durable profiles, 1 to 3 silos (`cluster`)",
        _ => $"`{name}`",
    };

    private static string Prerequisite(string name) => name == "cluster"
        ? " (after `dotnet build silo -c Release`; Azurite comes from `deploy/local-cluster/start-azurite.sh`'s npm install)"
        : "";

    private static string Method(string name) => name switch
    {
        "pipeline" =>
            """
            An embedded silo in the benchmark process takes realistic text-free traffic (200 Zipf campaigns, 20,000 Zipf users,
            the impression-heavy mix of the demo's generator). The pipeline is measured beside its ceiling, the same batches
            published to a no-op implicit subscriber on the same stream provider, in the same run and in alternation (five
            pairs by default), so a burst of other work on a shared machine hits both sides of a ratio; the ratio reported is
            the median of the paired ratios. Each phase sends 1,500,000 events with `--quick` (3,000,000 without), cycling a
            pool of 100,000 generated events whose ids and timestamps are set when sent, and ends only when every event is
            counted by its campaign and applied by its user profile and insights grain. Phases are long on purpose: each
            carries a fixed stream latency (~0.4 s) that flatters the slower side of a short phase. The HTTP phases are the
            whole ingest path (JSON parsing, validation, Kestrel) on the same cores as the silo. Phases start once the
            silo's readiness checks pass: the sentiment model loads in the background after start, and building its
            ONNX session takes a core for tens of seconds, which a phase measured meanwhile would count against the
            side that needs more CPU.

            Each event reaches two more grains than the ceiling's, its user's and its campaign's insights grain, through
            Orleans calls coalesced per round (`streamingmarketing_outbox_calls_total` over
            `streamingmarketing_outbox_events_total` is the calls per event). The embedded profile hands parts on before its
            batched campaign write instead of saving them in it: memory streams lose their queues in a crash anyway
            ([design.md](design.md), "Exactly once").

            Where the pipeline's time goes beyond the ceiling's: the table's cost rows are measured in the run (bytes
            allocated per event (`GC.GetTotalAllocatedBytes` over the phase, the whole process), the share of the phase the
            garbage collector paused it, the couriers' receiver calls per event (the product's
            `streamingmarketing.outbox.calls` counter) and the bytes one request's stream batches and user parts
            serialize to). An allocation profile of the measured pipeline phase (`dotnet-trace collect --profile gc-verbose
            -- dotnet tests/StreamingMarketing.Benchmarks/bin/Release/net10.0/StreamingMarketing.Benchmarks.dll pipeline
            --quick --repeats 1`, allocation samples grouped by the first product or Orleans frame from the leaf) puts
            about half of it in what the ceiling pays too (the memory stream provider's copies of its queue messages, the
            serializer's reference tracking and event codecs, the sender's batches), a fifth in the event archive (one row
            object per event, then Parquet's column buffers of each segment), a tenth in user parts, their courier and
            its Polly retry pipeline, and a few percent each in Orleans' messages, the campaign grain and the insights
            grain; the user profiles' applies allocate almost nothing (`micro --filter '*ApplyPath*'` measures both
            applies with `[MemoryDiagnoser]`). The archive's share is the one figure a configuration moves:
            `Archive__Enabled=false` before the same command measures the pipeline without it. The ratio only moves with
            work the pipeline does and the ceiling does not, so cheaper stream serialization, which both pay, lowers it.

            The scorer phase compares the scorer grain's service at 64 concurrent callers with raw ONNX Runtime doing the same
            model work (the serving package's encoder and all four heads on length-sorted batches of 32), both timed over
            whole batches, in alternation, median of the pairs.
            """,
        "scorer" =>
            """
            The pipeline bench's scorer phase alone, on a scorer of its own and no silo: the same texts (TweetEval's
            validation tweets), the same measurement (`sentiment/Benchmarking/ScorerBenchmark.cs`, both sides timed over
            whole batches) and the same median of scorer/raw pairs, in about a minute. It serves the shipped model package a
            fresh silo promotes (`--version NAME` picks another). The scorer's own batch metrics, printed per pair, say
            whether a gap lies inside its batches (slower encoder runs) or between them.
            """,
        "cost-curve" =>
            """
            Each step sends two events to each of N new users over 200 campaigns on an embedded silo in the benchmark
            process, and measures events/s until every event is applied and the managed heap's growth per new user grain
            (campaign grains are few and already active, so the growth is the user profiles' and the per-user entries the
            campaigns keep). Profiles are collected after five idle minutes (`[CollectionAgeLimit]` on `UserProfileGrain`)
            and a step lasts well under a minute, so every user of a step is resident when it is measured, and every event
            activates a new grain, which is why its rate is far below the pipeline's. Steps below 100,000 users also carry
            the silo's start-up and warm-up heap (or its collection), so only the largest step's bytes per user grain is a
            figure; the headline takes the largest step.

            Where a user's bytes go, from a heap snapshot of the largest step (`cost-curve --max-users 100000
            --hold-seconds 240`, then `dotnet-dump collect -p PID --type Heap` and `dotnet-dump analyze FILE -c "dumpheap
            -stat -live"`, object sizes per activation): about 1,900 bytes are the Orleans activation itself (its
            `ActivationData`, work-item group and message loop, the running-request dictionaries, the DI scope, the
            directory's and the address cache's entries, three locks), which no grain code can shrink; about 700 are the
            profile (the grain object, its state and its storage handle, the coalesced writer, the delivery receipts, one
            16-byte cell per non-zero counter of its totals and windows, one 56-byte entry per campaign, its interest tags);
            the rest are the campaigns' per-user entries (the exact distinct-user sets, the outboxes' per-user part numbers,
            the dedupe ring). A profile grows with the cells its windows fill: one active in every minute of the last hour,
            every hour of the last day and every day of the last month, one kind of event each, holds 114 cells (~1.8 KiB).
            The profile reads and writes its state through the storage provider (`StoredState`) instead of
            `[PersistentState]`, whose bridge, state wrapper, lifecycle observer and migration participant cost each
            activation about 400 bytes more.
            """,
        "cluster" =>
            """
            The same traffic (requests of 500 events, 50 Zipf campaigns, 2,000 users) through the HTTP gateways of 1, 2 and 3
            silo processes in the `local-cluster` profile (Azure Queue streams and Blob state on Azurite, state written before
            each acknowledgement) beside one embedded silo process, each configuration on a fresh Azurite and fresh data
            directories. Storage operations are the silos' grain state writes (`streamingmarketing_grain_state_writes_total`,
            read once the receivers' trailing writes landed) plus a put and a delete per Azure Queue stream item
            (`streamingmarketing_stream_items_published_total`). Events per storage operation is the figure that carries over
            to Azure Storage and Event Hubs, where operations cost money and latency; Azurite's raw rates say where the
            emulator on these cores is the limit. Azurite runs at a raised priority (`--storage-nice`, default -10): it stands
            in for a storage service on machines of its own, and at the default niceness its single event loop would get one
            thread's share of the cores beside the silos' thread pools, so the curve would measure the emulator's scheduling.
            Grain writes grow with a run's length, not its events: each active user writes once per
            `Aggregation:UserStateWriteInterval` (5 s) and each campaign once per delivery. With Event Hubs (`azure`, not
            measurable without a broker) an item is one Event Hubs event instead of a queue put and a delete, and the
            delivery checkpoint is one Azure Table upsert per partition every 10 s.
            """,
        _ => "",
    };

    /// <summary>"QueuePut" → "queue put".</summary>
    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static int? LargestSiloCount(JsonObject f) => SiloCounts(f).Cast<int?>().LastOrDefault();

    private static IEnumerable<int> SiloCounts(JsonObject f) =>
        f.Select(p => p.Key)
            .Where(k => k.StartsWith("localCluster", StringComparison.Ordinal) && k.EndsWith("VsEmbedded", StringComparison.Ordinal))
            .Select(k => int.Parse(k["localCluster".Length..^"VsEmbedded".Length], Invariant))
            .Order();

    private static string Count(JsonObject f, string key) => Number(f, key, "N0");

    private static string Percent(JsonObject f, string key) => Number(f, key, "P0");

    private static string Ratio(JsonObject f, string key) => Number(f, key, "F3");

    private static string Number(JsonObject f, string key, string format) =>
        f[key] is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(format, Invariant) : "–";

    private static string Text(JsonObject f, string key) => f[key]?.ToString() ?? "–";
}
