using System.Globalization;
using System.Text.Json;

namespace StreamingMarketing.Benchmarks.Forecast;

/// <summary>
/// One of NAB's real tweet-volume series (data/nab-tweets, see data/README.md): 5-minute counts and the labeled
/// anomaly windows. The forecast benchmark and the forecast tests both read it through here.
/// </summary>
internal sealed record NabSeries(string Name, List<(DateTime Time, int Count)> FiveMinutes, List<(DateTime Start, DateTime End)> Windows)
{
    public static readonly string[] Names = ["AAPL", "AMZN", "CRM", "CVS", "FB"];

    public static NabSeries Load(string dataDirectory, string name)
    {
        var rows = new List<(DateTime, int)>();
        foreach (var line in File.ReadLines(Path.Combine(dataDirectory, $"Twitter_volume_{name}.csv")).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            rows.Add((Parse(line[..comma]), int.Parse(line[(comma + 1)..], CultureInfo.InvariantCulture)));
        }

        using var labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataDirectory, "anomaly_windows.json")));
        var windows = labels.RootElement.GetProperty($"realTweets/Twitter_volume_{name}.csv").EnumerateArray()
            .Select(w => (Parse(w[0].GetString()!), Parse(w[1].GetString()!))).ToList();
        return new NabSeries(name, rows, windows);
    }

    /// <summary>Hourly sums; the first and last hours, which the 5-minute rows only partly cover, are left out.</summary>
    public (long FirstHour, double[] Counts) Hourly()
    {
        var byHour = new SortedDictionary<long, double>();
        foreach (var (time, count) in FiveMinutes)
        {
            var hour = time.Ticks / TimeSpan.TicksPerHour;
            byHour[hour] = byHour.GetValueOrDefault(hour) + count;
        }

        var first = byHour.Keys.First() + 1;
        var last = byHour.Keys.Last() - 1;
        var counts = new double[last - first + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = byHour.GetValueOrDefault(first + i);
        }

        return (first, counts);
    }

    /// <summary>A whole number of weeks, so that replayed hours keep their hour of day and day of week.</summary>
    public static TimeSpan ShiftToEndBefore(DateTime end, DateTime now) =>
        TimeSpan.FromDays(7 * Math.Floor((now - end).TotalDays / 7));

    private static DateTime Parse(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);
}
