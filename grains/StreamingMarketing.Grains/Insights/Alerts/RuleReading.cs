namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// One rule measured once. <see cref="Opens"/> and <see cref="Resolves"/> are different thresholds (hysteresis): in
/// between, an open alert stays open and a closed one stays closed.
/// <see cref="Hour"/> is the hour an anomaly rule judged.
/// </summary>
public sealed record RuleReading(string Rule, double Value, double Threshold, bool Opens, bool Resolves, string Message, DateTime? Hour = null);
