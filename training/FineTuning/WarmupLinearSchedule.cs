namespace StreamingMarketing.Training.FineTuning;

/// <summary>Learning-rate factor: linear warm-up from 0 over the first steps, then linear decay to 0 at the last step.</summary>
public sealed record WarmupLinearSchedule(int TotalSteps, int WarmupSteps)
{
    public static WarmupLinearSchedule For(int totalSteps, double warmupShare) =>
        new(Math.Max(1, totalSteps), Math.Max(1, (int)Math.Round(totalSteps * warmupShare)));

    public double Factor(int step) => step < WarmupSteps
        ? (step + 1) / (double)WarmupSteps
        : Math.Max(0, (TotalSteps - step) / (double)Math.Max(1, TotalSteps - WarmupSteps));
}
