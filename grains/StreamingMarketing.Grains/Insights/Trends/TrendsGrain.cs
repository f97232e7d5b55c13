using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Insights.Trends;

/// <summary>Trends across every campaign, fed with per-minute counts that campaign grains batch for a few seconds.</summary>
public sealed class TrendsGrain : Grain, ITrendsGrain, IFlushableGrain
{
    /// <summary>Larger than a campaign's sketches: the whole stream's long tail competes for these counters.</summary>
    public const int Capacity = 1_000;

    private readonly IPersistentState<TrendState> state;
    private readonly TimeProvider clock;
    private readonly CoalescedStateWriter<TrendState> writer;

    public TrendsGrain(
        [PersistentState("trends", StorageNames.GrainState)] IPersistentState<TrendState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved)
    {
        this.state = state;
        this.clock = clock;
        writer = new CoalescedStateWriter<TrendState>(state, "trends", options.Value.UserStateWriteInterval, unsaved);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Hashtags.Length == 0)
        {
            state.State = TrendState.Create(Capacity);
        }

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

    public Task AddAsync(TrendCounts counts)
    {
        // Each count lands mid-minute: the campaign rounded its events to their minute.
        foreach (var ((item, minute), count) in counts.Hashtags)
        {
            state.State.AddHashtag(item, new DateTime(minute + (TimeSpan.TicksPerMinute / 2), DateTimeKind.Utc), count);
        }

        foreach (var ((item, minute), count) in counts.Keywords)
        {
            state.State.AddKeyword(item, new DateTime(minute + (TimeSpan.TicksPerMinute / 2), DateTimeKind.Utc), count);
        }

        writer.MarkDirty();
        return Task.CompletedTask;
    }

    public Task<TrendsView> GetAsync(TrendWindow window, int top) =>
        Task.FromResult(state.State.ToView(window, clock.GetUtcNow().UtcDateTime, top));

    public Task FlushAsync() => writer.WriteIfDirtyAsync();
}
