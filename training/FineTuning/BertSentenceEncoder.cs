using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// all-MiniLM-L6-v2 in TorchSharp, computing what the serving path computes (sentiment/Encoding/SentenceEncoder):
/// word + position + token-type(0) embeddings, LayerNorm, six <see cref="BertLayer"/>s, the mean of the last hidden
/// state over real tokens, L2-normalised (norm floored at 1e-12). Weights come from the ONNX graph
/// (<see cref="LoadFrom"/>), so training starts from exactly the encoder that serves.
/// </summary>
public sealed class BertSentenceEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    public const int Hidden = 384;
    public const int LayerCount = 6;
    private const int FeedForward = 1536;
    private const int Vocabulary = 30522;
    private const int Positions = 512;
    private const float MaskedScore = -10000f;

    private readonly Embedding wordEmbeddings;
    private readonly Embedding positionEmbeddings;
    private readonly Embedding tokenTypeEmbeddings;
    private readonly LayerNorm embeddingNorm;
    private readonly Dropout embeddingDropout;
    private readonly ModuleList<BertLayer> layers;

    public BertSentenceEncoder(double dropout = 0.1)
        : base(nameof(BertSentenceEncoder))
    {
        wordEmbeddings = nn.Embedding(Vocabulary, Hidden);
        positionEmbeddings = nn.Embedding(Positions, Hidden);
        tokenTypeEmbeddings = nn.Embedding(2, Hidden);
        embeddingNorm = nn.LayerNorm(Hidden, 1e-12);
        embeddingDropout = nn.Dropout(dropout);
        layers = nn.ModuleList(Enumerable.Range(0, LayerCount).Select(i => new BertLayer($"layer{i}", Hidden, FeedForward, dropout)).ToArray());
        RegisterComponents();
    }

    /// <summary>
    /// Layers below this index run without gradients (frozen), so a top-layers fine-tune pays only their forward
    /// pass; the embeddings are always frozen.
    /// </summary>
    public int FirstTrainedLayer { get; private set; } = LayerCount;

    /// <summary>Where the weights live (CPU unless moved with <c>to(device)</c>).</summary>
    public Device Device => wordEmbeddings.weight!.device;

    /// <summary><paramref name="inputIds"/>, <paramref name="attentionMask"/>: [batch × tokens] int64. Returns [batch × 384], unit rows.</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var states = HiddenStates(inputIds, attentionMask);
        var mask = attentionMask.unsqueeze(-1).to_type(ScalarType.Float32);
        var mean = states.mul(mask).sum(1).div(mask.sum(1));
        var norm = mean.norm(1, keepdim: true).clamp_min(1e-12);
        return mean.div(norm).MoveToOuterDisposeScope();
    }

    private Tensor HiddenStates(Tensor inputIds, Tensor attentionMask)
    {
        var additiveMask = ones_like(attentionMask, ScalarType.Float32).sub(attentionMask.to_type(ScalarType.Float32)).mul(MaskedScore).unsqueeze(1).unsqueeze(1);
        Tensor states;
        using (no_grad())
        {
            var positions = arange(inputIds.shape[1], ScalarType.Int64, inputIds.device).unsqueeze(0);
            var tokenTypes = zeros_like(inputIds);
            states = embeddingNorm.forward(wordEmbeddings.forward(inputIds).add(tokenTypeEmbeddings.forward(tokenTypes)).add(positionEmbeddings.forward(positions)));
            for (var i = 0; i < FirstTrainedLayer; i++)
            {
                states = layers[i].forward(states, additiveMask);
            }
        }

        if (FirstTrainedLayer == 0)
        {
            states = embeddingDropout.forward(states);
        }

        for (var i = FirstTrainedLayer; i < LayerCount; i++)
        {
            states = layers[i].forward(states, additiveMask);
        }

        return states;
    }

    /// <summary>Trains the top <paramref name="count"/> layers (0–6) and freezes everything below them.</summary>
    public void TrainTopLayers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, LayerCount);
        FirstTrainedLayer = LayerCount - count;
        foreach (var (name, parameter) in NamedWeights())
        {
            parameter.requires_grad = LayerOf(name) is { } layer && layer >= FirstTrainedLayer;
        }
    }

    /// <summary>After <c>train()</c>: puts the frozen embeddings and layers back in eval mode, so only trained layers drop out.</summary>
    public void FreezeModes()
    {
        if (FirstTrainedLayer > 0)
        {
            embeddingDropout.eval();
        }

        for (var i = 0; i < FirstTrainedLayer; i++)
        {
            layers[i].eval();
        }
    }

    /// <summary>The trained parameters (top layers) by Hugging Face name.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> TrainedWeights() => NamedWeights().Where(w => w.Parameter.requires_grad);

    /// <summary>Every parameter by its Hugging Face BERT name, the names the ONNX graph keeps.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedWeights() =>
    [
        ("embeddings.word_embeddings.weight", wordEmbeddings.weight!),
        ("embeddings.position_embeddings.weight", positionEmbeddings.weight!),
        ("embeddings.token_type_embeddings.weight", tokenTypeEmbeddings.weight!),
        ("embeddings.LayerNorm.weight", embeddingNorm.weight!),
        ("embeddings.LayerNorm.bias", embeddingNorm.bias!),
        .. layers.SelectMany((layer, i) => layer.NamedWeights($"encoder.layer.{i}")),
    ];

    /// <summary>The layer index in a parameter's name ("encoder.layer.4.…" → 4), null for embeddings.</summary>
    public static int? LayerOf(string name) =>
        name.StartsWith("encoder.layer.", StringComparison.Ordinal) ? int.Parse(name.AsSpan(14, name.IndexOf('.', 14) - 14), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Copies every weight out of the graph (Linear weights transposed back to PyTorch's [out × in]).</summary>
    public void LoadFrom(OnnxEncoderWeights weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, parameter) in NamedWeights())
        {
            var source = weights[name];
            var tensor = torch.tensor(source.Values, source.Dims);
            if (source.Transposed)
            {
                tensor = tensor.t();
            }

            if (!tensor.shape.SequenceEqual(parameter.shape))
            {
                throw new InvalidOperationException($"'{name}' is [{string.Join("x", tensor.shape)}] in the graph, [{string.Join("x", parameter.shape)}] here.");
            }

            parameter.copy_(tensor);
        }
    }
}
