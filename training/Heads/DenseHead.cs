namespace StreamingMarketing.Training;

/// <summary>One fully connected layer: <c>y = W·x + b</c>, then ReLU unless it is the last. W is row-major [outputs × inputs].</summary>
public sealed record DenseLayer(int Inputs, int Outputs, float[] Weights, float[] Bias, bool Relu);

/// <summary>A stack of dense layers ending in a softmax: a logistic-regression head is one layer, an MLP two.</summary>
public sealed record DenseNetwork(IReadOnlyList<DenseLayer> Layers)
{
    public int Inputs => Layers[0].Inputs;

    public int Classes => Layers[^1].Outputs;

    /// <summary>Class probabilities of one input vector.</summary>
    public float[] Predict(ReadOnlySpan<float> input)
    {
        var current = input.ToArray();
        foreach (var layer in Layers)
        {
            var next = new float[layer.Outputs];
            for (var o = 0; o < layer.Outputs; o++)
            {
                var value = VectorMath.Dot(layer.Weights.AsSpan(o * layer.Inputs, layer.Inputs), current) + layer.Bias[o];
                next[o] = layer.Relu ? MathF.Max(0, value) : value;
            }

            current = next;
        }

        VectorMath.SoftmaxInPlace(current);
        return current;
    }

    /// <summary>
    /// Folds a standardisation (x − mean) / scale in front of the first layer, so the exported graph takes raw
    /// features: W' = W / scale, b' = b − W' · mean.
    /// </summary>
    public DenseNetwork WithStandardisedInput(float[] mean, float[] scale)
    {
        var first = Layers[0];
        var weights = new float[first.Weights.Length];
        var bias = (float[])first.Bias.Clone();
        for (var o = 0; o < first.Outputs; o++)
        {
            for (var i = 0; i < first.Inputs; i++)
            {
                var w = first.Weights[(o * first.Inputs) + i] / scale[i];
                weights[(o * first.Inputs) + i] = w;
                bias[o] -= w * mean[i];
            }
        }

        return new DenseNetwork([first with { Weights = weights, Bias = bias }, .. Layers.Skip(1)]);
    }

    /// <summary>The same network taking <paramref name="inputs"/> features, the extra trailing ones with weight 0.</summary>
    public DenseNetwork PadInputs(int inputs)
    {
        var first = Layers[0];
        var weights = new float[first.Outputs * inputs];
        for (var o = 0; o < first.Outputs; o++)
        {
            first.Weights.AsSpan(o * first.Inputs, first.Inputs).CopyTo(weights.AsSpan(o * inputs));
        }

        return new DenseNetwork([first with { Inputs = inputs, Weights = weights }, .. Layers.Skip(1)]);
    }
}

/// <summary>
/// A trained head: one network, or several whose probabilities are averaged (an ensemble), over the columns
/// <see cref="Inputs"/> names.
/// </summary>
public sealed record HeadModel(IReadOnlyList<DenseNetwork> Members, HeadInputs Inputs)
{
    public int Classes => Members[0].Classes;

    public float[] Predict(ReadOnlySpan<float> input)
    {
        var sum = new float[Classes];
        foreach (var member in Members)
        {
            var p = member.Predict(input);
            for (var c = 0; c < sum.Length; c++)
            {
                sum[c] += p[c] / Members.Count;
            }
        }

        return sum;
    }

    public float[][] Predict(IReadOnlyList<float[]> inputs) => inputs.Select(x => Predict(x)).ToArray();
}
