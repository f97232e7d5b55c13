using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// The publish gate for a fine-tuned candidate, on the same protocol for both sides: sentiment macro-recall on the
/// validation tweets no fine-tune trains on, candidate through its served path (ONNX encoder + head graph), the
/// serving model measured on those same tweets — its own package when it is fine-tuned (they never saw them
/// either), or, for a frozen-encoder package, its recipe re-fitted on the candidate's in-distribution training
/// tweets (it was trained on train + val, so its package cannot be scored on val). A tie is refused.
/// </summary>
public static class FineTuneGate
{
    public static GateDecision Decide(ValidationMetrics candidate, ModelManifest? serving, ValidationMetrics? servingOnSameTweets, bool force)
    {
        if (serving is null)
        {
            return new GateDecision(true, "no model is serving yet", null);
        }

        if (force)
        {
            return new GateDecision(true, "--force bypasses the gate", servingOnSameTweets);
        }

        if (servingOnSameTweets is null)
        {
            return new GateDecision(false, $"{serving.Version} cannot be measured on the validation tweets (no recipe or encoder to re-run); publish with --force", null);
        }

        return candidate.MacroRecall > servingOnSameTweets.MacroRecall
            ? new GateDecision(true, $"validation macro-recall {candidate.MacroRecall:F4} beats {serving.Version}'s {servingOnSameTweets.MacroRecall:F4} on the same tweets", servingOnSameTweets)
            : new GateDecision(false, $"validation macro-recall {candidate.MacroRecall:F4} does not beat {serving.Version}'s {servingOnSameTweets.MacroRecall:F4} on the same tweets (use --force to publish anyway)", servingOnSameTweets);
    }
}
