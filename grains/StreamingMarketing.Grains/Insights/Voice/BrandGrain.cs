using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Insights.Voice;

/// <summary>One brand's mentions and competitors. Campaign grains send mentions in per-minute batches every few seconds.</summary>
public sealed class BrandGrain : Grain, IBrandGrain, Contracts.Grains.IFlushableGrain
{
    private readonly IPersistentState<BrandState> state;
    private readonly TimeProvider clock;
    private readonly CoalescedStateWriter<BrandState> writer;

    public BrandGrain(
        [PersistentState("brand", StorageNames.GrainState)] IPersistentState<BrandState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved)
    {
        this.state = state;
        this.clock = clock;
        writer = new CoalescedStateWriter<BrandState>(state, "brand", options.Value.UserStateWriteInterval, unsaved);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        writer.Attach(this);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (writer.IsDirty)
        {
            await writer.WriteNowAsync();
        }
    }

    public Task AddMentionsAsync(BrandMentions mentions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        state.State.DisplayName ??= mentions.Brand;
        foreach (var (minute, count) in mentions.CountsByMinute)
        {
            state.State.Mentions.Add(minute, count, now);
        }

        writer.MarkDirty();
        return Task.CompletedTask;
    }

    public async Task DescribeAsync(string displayName, List<string> competitors)
    {
        state.State.DisplayName = displayName;
        var known = state.State.Competitors;
        foreach (var competitor in competitors)
        {
            if (known.Count < BrandState.MaxCompetitors && !known.Contains(competitor, StringComparer.OrdinalIgnoreCase))
            {
                known.Add(competitor);
            }
        }

        // A campaign manager's change: on disk before the PUT answers.
        await writer.WriteNowAsync();
    }

    public Task<long?> CountMentionsAsync(TimeSpan window) =>
        Task.FromResult(state.State.IsEmpty ? (long?)null : state.State.Mentions.Count(window, clock.GetUtcNow().UtcDateTime));

    public async Task<ShareOfVoiceView?> GetShareOfVoiceAsync(string windowName)
    {
        if (state.State.IsEmpty || !VoiceWindows.ByName.TryGetValue(windowName, out var window))
        {
            return null;
        }

        var mentions = state.State.Mentions.Count(window, clock.GetUtcNow().UtcDateTime);
        var competitors = state.State.Competitors.ToList();
        var counts = await Task.WhenAll(competitors.Select(c => GrainFactory.GetGrain<IBrandGrain>(VoiceWindows.BrandKey(c)).CountMentionsAsync(window)));
        var total = mentions + counts.Sum(c => c ?? 0);
        double? Share(long count) => total == 0 ? null : Math.Round((double)count / total, 4);
        return new ShareOfVoiceView
        {
            Brand = state.State.DisplayName!,
            Window = windowName,
            Mentions = mentions,
            Total = total,
            Share = Share(mentions),
            Competitors = competitors.Select((c, i) => new BrandVoice(c, counts[i] ?? 0, Share(counts[i] ?? 0))).ToList(),
        };
    }

    public Task FlushAsync() => writer.WriteIfDirtyAsync();
}
