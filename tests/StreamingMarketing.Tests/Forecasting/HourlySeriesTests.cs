using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Forecasting;
using StreamingMarketing.Grains.Insights;

namespace StreamingMarketing.Tests.Forecasting;

public sealed class HourlySeriesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 14, 20, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_hour_counts_its_event_types_and_scored_sentiment_apart()
    {
        var series = new HourlySeries();
        series.AddEvent(Now.AddHours(-2), Now, EventType.Like);
        series.AddEvent(Now.AddHours(-2), Now, EventType.Click);
        series.AddEvent(Now, Now, EventType.Like);
        series.AddSentiment(Now.AddHours(-2), Now, SentimentLabel.Negative);
        series.AddSentiment(Now.AddHours(-2), Now, SentimentLabel.Neutral);

        var likes = HistoryReader.Read(series, ForecastMetric.Like, Now)!;
        Assert.Equal(new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc), likes.Start);
        Assert.Equal([1L, 0, 1], likes.Hourly);
        Assert.Equal([2L, 0, 1], HistoryReader.Read(series, ForecastMetric.Engagements, Now)!.Hourly);
        Assert.Equal([1L, 0, 0], HistoryReader.Read(series, ForecastMetric.Negative, Now)!.Hourly);
        Assert.Equal([0L, 0, 0], HistoryReader.Read(series, ForecastMetric.Positive, Now)!.Hourly);
    }

    [Fact]
    public void Hours_older_than_thirty_days_fall_out_and_their_slots_are_reused_empty()
    {
        var series = new HourlySeries();
        series.AddEvent(Now.AddHours(-719), Now.AddHours(-719), EventType.Like);
        series.AddEvent(Now.AddHours(-719), Now.AddHours(-719), EventType.Like);
        series.AddEvent(Now.AddHours(1), Now.AddHours(1), EventType.Like);
        series.AddEvent(Now.AddHours(-800), Now.AddHours(1), EventType.Like);

        var history = HistoryReader.Read(series, ForecastMetric.Events, Now.AddHours(1))!;
        Assert.Equal(HourlySeries.Hours, history.Hourly.Length);
        Assert.Equal(1, history.Hourly.Sum());
        Assert.Equal(1, history.Hourly[^1]);
    }

    [Fact]
    public void Hours_before_the_first_count_are_no_history_at_all()
    {
        var series = new HourlySeries();
        series.AddEvent(Now.AddHours(-3), Now, EventType.Mention);

        var history = HistoryReader.Read(series, ForecastMetric.Mention, Now)!;

        Assert.Equal(4, history.Hourly.Length);
        Assert.Null(HistoryReader.Read(new HourlySeries(), ForecastMetric.Mention, Now));
    }

    [Fact]
    public void A_full_month_of_every_type_every_hour_costs_about_sixteen_kilobytes_of_binary_state()
    {
        using var host = Host.CreateApplicationBuilder().UseOrleans(silo => silo.UseLocalhostClustering()).Build();
        var serializer = host.Services.GetRequiredService<Serializer>();
        var empty = serializer.SerializeToArray(new CampaignInsightsState()).Length;
        var state = new CampaignInsightsState();
        var random = new Random(7);
        for (var hour = 0; hour < HourlySeries.Hours; hour++)
        {
            foreach (var type in EventTypes.All)
            {
                for (var k = random.Next(0, 40); k > 0; k--)
                {
                    state.History.AddEvent(Now.AddHours(-hour), Now, type);
                }
            }
        }

        var full = serializer.SerializeToArray(state).Length;

        Assert.InRange(full - empty, 12_000, 20_000);
    }
}
