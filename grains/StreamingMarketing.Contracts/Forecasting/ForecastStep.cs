namespace StreamingMarketing.Contracts.Forecasting;

/// <summary>The bucket width of a forecast, with the horizons it allows (a week of hours, a month of days).</summary>
public enum ForecastStep
{
    Hour,
    Day,
}

public static class ForecastSteps
{
    public static readonly string[] WireNames = ["1h", "1d"];

    public static string ToWireName(this ForecastStep step) => WireNames[(int)step];

    public static int MaxHorizon(this ForecastStep step) => step == ForecastStep.Hour ? 168 : 30;

    public static TimeSpan Width(this ForecastStep step) => step == ForecastStep.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    public static bool TryParse(string? value, out ForecastStep step)
    {
        var index = Array.IndexOf(WireNames, value);
        step = index < 0 ? default : (ForecastStep)index;
        return index >= 0;
    }
}
