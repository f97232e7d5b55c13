using System.Text.Json;
using StreamingMarketing.Sentiment;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// Where a run stands: the next batch to train, the best validation score so far (<see cref="FineTuneEvaluation.Score"/>),
/// every evaluation, and the training time spent over all sessions of the run (a resumed run adds to it).
/// </summary>
public sealed record FineTuneProgress(string Spec, int Epoch, int NextBatch, int Step, double BestScore, int BestStep, int EvaluationsWithoutGain,
    IReadOnlyList<FineTuneEvaluation> History, double TrainingSeconds = 0);

/// <summary>
/// One validation pass: after which step, the training loss since the previous pass, and the validation metrics:
/// sentiment, and offensive in a multi-task run.
/// </summary>
public sealed record FineTuneEvaluation(int Epoch, int Step, double TrainingLoss, double SequencesPerSecond, ValidationMetrics Validation, ValidationMetrics? Offensive = null)
{
    /// <summary>
    /// What early stopping and the best weights follow: sentiment macro-recall, or in a multi-task run its mean with
    /// offensive macro-F1 (OffensEval's metric), so neither task is given up for the other.
    /// </summary>
    public double Score => Offensive is { } offensive ? (Validation.MacroRecall + offensive.MacroF1) / 2 : Validation.MacroRecall;
}

/// <summary>
/// A resumable run directory: <c>progress.json</c>, the trained weights now (<c>current.pb</c>) and at the best
/// validation score (<c>best.pb</c>), both in the encoder-delta format keyed by parameter name, and both optimizers'
/// state. Every file is written aside and renamed, so a run killed mid-save resumes from the previous checkpoint.
/// A run resumes only with the same <see cref="FineTuneOptions.Spec"/>; another spec starts over.
/// </summary>
public sealed class FineTuneCheckpoint(string directory)
{
    private const string ProgressFile = "progress.json";
    private const string CurrentWeightsFile = "current.pb";
    private const string BestWeightsFile = "best.pb";
    private const string EncoderOptimizerFile = "encoder-optimizer.bin";
    private const string HeadOptimizerFile = "head-optimizer.bin";

    private static readonly JsonSerializerOptions Json = new(ModelManifest.JsonOptions);

    public string Directory { get; } = directory;

    public FineTuneProgress? TryLoad(string spec, IReadOnlyList<(string Name, Parameter Parameter)> weights, OptimizerHelper encoderOptimizer, OptimizerHelper headOptimizer)
    {
        var path = Path.Combine(Directory, ProgressFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var progress = JsonSerializer.Deserialize<FineTuneProgress>(File.ReadAllText(path), Json);
        if (progress is null || progress.Spec != spec)
        {
            return null;
        }

        Restore(weights, CurrentWeightsFile);
        encoderOptimizer.load_state_dict(Path.Combine(Directory, EncoderOptimizerFile));
        headOptimizer.load_state_dict(Path.Combine(Directory, HeadOptimizerFile));
        return progress;
    }

    public void Save(FineTuneProgress progress, IReadOnlyList<(string Name, Parameter Parameter)> weights, OptimizerHelper encoderOptimizer, OptimizerHelper headOptimizer, bool isBest)
    {
        System.IO.Directory.CreateDirectory(Directory);
        WriteAside(CurrentWeightsFile, path => EncoderDelta.Write(path, Snapshot(weights)));
        if (isBest)
        {
            WriteAside(BestWeightsFile, path => EncoderDelta.Write(path, Snapshot(weights)));
        }

        WriteAside(EncoderOptimizerFile, encoderOptimizer.save_state_dict);
        WriteAside(HeadOptimizerFile, headOptimizer.save_state_dict);
        // Progress last: it is what a resume trusts, so it never points past weights that were not saved.
        WriteAside(ProgressFile, path => File.WriteAllText(path, JsonSerializer.Serialize(progress, Json)));
    }

    /// <summary>Loads the best weights seen into <paramref name="weights"/>; false when none were saved.</summary>
    public bool RestoreBest(IReadOnlyList<(string Name, Parameter Parameter)> weights) =>
        File.Exists(Path.Combine(Directory, BestWeightsFile)) && Restore(weights, BestWeightsFile);

    private bool Restore(IReadOnlyList<(string Name, Parameter Parameter)> weights, string file)
    {
        var saved = EncoderDelta.Read(Path.Combine(Directory, file)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in weights)
        {
            var values = EncoderDelta.FloatValues(saved[name]);
            parameter.copy_(tensor(values, parameter.shape));
        }

        return true;
    }

    private static IEnumerable<(string, long[], float[])> Snapshot(IReadOnlyList<(string Name, Parameter Parameter)> weights) =>
        weights.Select(w => (w.Name, w.Parameter.shape, w.Parameter.detach().cpu().contiguous().data<float>().ToArray()));

    private void WriteAside(string file, Action<string> write)
    {
        var target = Path.Combine(Directory, file);
        var staging = target + ".partial";
        write(staging);
        File.Move(staging, target, overwrite: true);
    }
}
