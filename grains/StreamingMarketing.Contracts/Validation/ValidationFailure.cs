namespace StreamingMarketing.Contracts.Validation;

/// <summary>Why an event was refused: <paramref name="Reason"/> is a short code for metrics, <paramref name="Message"/> is for people.</summary>
public sealed record ValidationFailure(string Reason, string Message);
