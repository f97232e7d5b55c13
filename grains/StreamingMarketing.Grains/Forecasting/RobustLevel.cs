namespace StreamingMarketing.Grains.Forecasting;

/// <summary>
/// The local level of a deseasonalised series: simple exponential smoothing (Hyndman &amp; Athanasopoulos, FPP3 §8.1)
/// whose one-step error is clipped at <see cref="Clip"/> robust scales before it moves the level, so a burst of a few
/// hours barely moves it while a level shift is followed within a day or two (a Huber-type robust filter). The
/// smoothing weight is chosen from a small grid by the error of the forecasts the last buckets would have had.
/// </summary>
public static class RobustLevel
{
    public const double Clip = 2.5;

    /// <summary>Weight used when the history is too short to choose one.</summary>
    public const double DefaultAlpha = 0.1;

    private static readonly double[] Alphas = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3];

    /// <summary>Smallest robust scale: a flat (or all-zero) series must not clip every later change to nothing.</summary>
    private const double MinScale = 0.05;

    /// <summary>
    /// Runs the filter; <paramref name="before"/>[t] receives the level before x[t] was seen (the forecast of any bucket
    /// from origin t), and the level after the last bucket is returned.
    /// </summary>
    public static double Run(ReadOnlySpan<double> x, double alpha, int seedLength, Span<double> before)
    {
        if (x.Length == 0)
        {
            return 0;
        }

        var seed = x[..Math.Min(x.Length, Math.Max(1, seedLength))].ToArray();
        var level = SeasonalProfile.Median(seed);
        var scale = Scale(x[..Math.Min(x.Length, 168)]);
        for (var t = 0; t < x.Length; t++)
        {
            before[t] = level;
            var error = x[t] - level;
            level += alpha * Math.Clamp(error, -Clip * scale, Clip * scale);
        }

        return level;
    }

    /// <summary>
    /// The grid weight whose forecasts from the last <paramref name="origins"/> origins, 1 to <paramref name="horizon"/>
    /// buckets ahead, had the least absolute error (log space); <see cref="DefaultAlpha"/> when no origin fits.
    /// </summary>
    public static double Choose(double[] x, int seedLength, int horizon, int origins)
    {
        var firstOrigin = Math.Max(seedLength, x.Length - origins - horizon);
        if (firstOrigin >= x.Length - horizon)
        {
            return DefaultAlpha;
        }

        var before = new double[x.Length];
        var best = (Error: double.MaxValue, Alpha: DefaultAlpha);
        foreach (var alpha in Alphas)
        {
            Run(x, alpha, seedLength, before);
            double error = 0;
            for (var o = firstOrigin; o < x.Length - horizon; o++)
            {
                for (var h = 0; h < horizon; h++)
                {
                    error += Math.Abs(x[o + h] - before[o]);
                }
            }

            if (error < best.Error)
            {
                best = (error, alpha);
            }
        }

        return best.Alpha;
    }

    /// <summary>The median absolute change between neighbours: a noise scale that a burst or a shift hardly moves.</summary>
    private static double Scale(ReadOnlySpan<double> x)
    {
        if (x.Length < 3)
        {
            return 0.5;
        }

        var changes = new double[x.Length - 1];
        for (var t = 1; t < x.Length; t++)
        {
            changes[t - 1] = Math.Abs(x[t] - x[t - 1]);
        }

        return Math.Max(MinScale, SeasonalProfile.Median(changes));
    }
}
