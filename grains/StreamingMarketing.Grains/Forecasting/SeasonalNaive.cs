namespace StreamingMarketing.Grains.Forecasting;

/// <summary>The benchmark every forecast must beat: each future bucket repeats the same bucket one season earlier.</summary>
public static class SeasonalNaive
{
    /// <summary>Buckets ahead 1..<paramref name="horizon"/> after <paramref name="history"/>, repeating its last <paramref name="season"/> buckets.</summary>
    public static double[] Forecast(IReadOnlyList<double> history, int season, int horizon)
    {
        var points = new double[horizon];
        if (history.Count < season)
        {
            return points;
        }

        for (var h = 0; h < horizon; h++)
        {
            points[h] = history[history.Count - season + (h % season)];
        }

        return points;
    }
}
