using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// One BERT encoder layer as all-MiniLM-L6-v2's ONNX graph computes it: self-attention (12 heads of 32, scores
/// scaled by 1/√32, the additive mask), output projection, residual + LayerNorm (ε 1e-12), then an exact (erf)
/// GELU feed-forward of 1,536, residual + LayerNorm. Dropout 0.1 as BERT trains, off in eval mode.
/// </summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private const int Heads = 12;
    private const double LayerNormEpsilon = 1e-12;

    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear attentionOutput;
    private readonly LayerNorm attentionNorm;
    private readonly Linear intermediate;
    private readonly Linear output;
    private readonly LayerNorm outputNorm;
    private readonly Dropout dropout;
    private readonly int hidden;

    public BertLayer(string name, int hidden, int feedForward, double dropoutRate)
        : base(name)
    {
        this.hidden = hidden;
        query = nn.Linear(hidden, hidden);
        key = nn.Linear(hidden, hidden);
        value = nn.Linear(hidden, hidden);
        attentionOutput = nn.Linear(hidden, hidden);
        attentionNorm = nn.LayerNorm(hidden, LayerNormEpsilon);
        intermediate = nn.Linear(hidden, feedForward);
        output = nn.Linear(feedForward, hidden);
        outputNorm = nn.LayerNorm(hidden, LayerNormEpsilon);
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    /// <summary><paramref name="states"/> [batch × tokens × hidden]; <paramref name="additiveMask"/> [batch × 1 × 1 × tokens], 0 or −10000.</summary>
    public override Tensor forward(Tensor states, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        long batch = states.shape[0], tokens = states.shape[1];
        var headSize = hidden / Heads;
        Tensor Split(Tensor x) => x.view(batch, tokens, Heads, headSize).permute(0, 2, 1, 3);

        var q = Split(query.forward(states));
        var k = Split(key.forward(states));
        var v = Split(value.forward(states));
        var scores = matmul(q, k.transpose(-1, -2)).div(Math.Sqrt(headSize)).add(additiveMask);
        var probabilities = dropout.forward(scores.softmax(-1));
        var context = matmul(probabilities, v).permute(0, 2, 1, 3).contiguous().view(batch, tokens, hidden);
        var attended = attentionNorm.forward(dropout.forward(attentionOutput.forward(context)).add(states));
        var expanded = nn.functional.gelu(intermediate.forward(attended));
        var result = outputNorm.forward(dropout.forward(output.forward(expanded)).add(attended));
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Parameters by their Hugging Face names under <paramref name="prefix"/> ("encoder.layer.N").</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedWeights(string prefix) =>
    [
        .. Affine($"{prefix}.attention.self.query", query.weight!, query.bias!),
        .. Affine($"{prefix}.attention.self.key", key.weight!, key.bias!),
        .. Affine($"{prefix}.attention.self.value", value.weight!, value.bias!),
        .. Affine($"{prefix}.attention.output.dense", attentionOutput.weight!, attentionOutput.bias!),
        .. Affine($"{prefix}.attention.output.LayerNorm", attentionNorm.weight!, attentionNorm.bias!),
        .. Affine($"{prefix}.intermediate.dense", intermediate.weight!, intermediate.bias!),
        .. Affine($"{prefix}.output.dense", output.weight!, output.bias!),
        .. Affine($"{prefix}.output.LayerNorm", outputNorm.weight!, outputNorm.bias!),
    ];

    private static (string, Parameter)[] Affine(string name, Parameter weight, Parameter bias) => [($"{name}.weight", weight), ($"{name}.bias", bias)];
}
