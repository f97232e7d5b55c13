using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// The encoder with a linear sentiment head, and a linear offensive head for multi-task runs, over its pooled,
/// normalised embedding: exactly the input the served heads get, so a trained head exports as an ordinary
/// one-layer head graph. Unit-length embeddings have small components, so the heads read them scaled by
/// <see cref="InputScale"/> (folded into the exported weights).
/// </summary>
public sealed class SentimentFineTuneModel : nn.Module<Tensor, Tensor, Tensor>
{
    public const float InputScale = 20f;

    private readonly BertSentenceEncoder encoder;
    private readonly Linear head;
    private readonly Linear offensiveHead;
    private readonly Dropout dropout;

    public SentimentFineTuneModel(BertSentenceEncoder encoder, int classes, int offensiveClasses = 2)
        : base(nameof(SentimentFineTuneModel))
    {
        this.encoder = encoder;
        head = nn.Linear(BertSentenceEncoder.Hidden, classes);
        offensiveHead = nn.Linear(BertSentenceEncoder.Hidden, offensiveClasses);
        dropout = nn.Dropout(0.1);
        RegisterComponents();
    }

    public BertSentenceEncoder Encoder => encoder;

    public Linear Head => head;

    /// <summary>Trained only when the run has the offensive task; its gradients stay empty otherwise.</summary>
    public Linear OffensiveHead => offensiveHead;

    /// <summary>Sentiment class logits [batch × classes].</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask) => head.forward(Pooled(inputIds, attentionMask));

    public Linear HeadFor(FineTuneTask task) => task == FineTuneTask.Offensive ? offensiveHead : head;

    /// <summary>The scaled, dropped-out pooled embedding both heads read, computed once per batch.</summary>
    public Tensor Pooled(Tensor inputIds, Tensor attentionMask) => dropout.forward(encoder.forward(inputIds, attentionMask).mul(InputScale));

    /// <summary>One task's class logits from <see cref="Pooled"/>.</summary>
    public Tensor Logits(FineTuneTask task, Tensor pooled) => HeadFor(task).forward(pooled);

    /// <summary>Training mode for what trains; frozen layers stay in eval mode (no dropout), as they were pre-trained.</summary>
    public void TrainTrainable()
    {
        train();
        encoder.FreezeModes();
    }

    /// <summary>Starts the sentiment head from an exported one (the inverse of <see cref="ExportHead"/>).</summary>
    public void LoadHead(DenseLayer exported)
    {
        using var noGrad = no_grad();
        head.weight!.copy_(tensor(exported.Weights, [exported.Outputs, exported.Inputs]).div(InputScale));
        head.bias!.copy_(tensor(exported.Bias, [exported.Outputs]));
    }

    /// <summary>The sentiment head as exported: W·(scale·x) + b, with the scale folded into W; row-major [classes × 384].</summary>
    public DenseLayer ExportHead()
    {
        using var noGrad = no_grad();
        var weights = head.weight!.mul(InputScale).cpu().contiguous().data<float>().ToArray();
        var bias = head.bias!.cpu().contiguous().data<float>().ToArray();
        return new DenseLayer(BertSentenceEncoder.Hidden, (int)head.weight!.shape[0], weights, bias, Relu: false);
    }
}
