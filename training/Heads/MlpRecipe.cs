namespace StreamingMarketing.Training;

/// <summary>
/// A one-hidden-layer perceptron (ReLU, dropout) trained with Adam on class-weighted cross-entropy, decoupled
/// weight decay, mini-batches of 64 and a fixed seed, so a recipe trains the same network every time. ML.NET has
/// no such trainer, and the graph is small enough to write directly (see <see cref="OnnxHeadGraph"/>).
/// </summary>
public sealed record MlpRecipe(int Hidden, int Epochs, float Dropout, float WeightDecay, float LearningRate, int Seed, HeadInputs Reads) : HeadRecipe
{
    private const int BatchSize = 64;

    public override HeadInputs Inputs => Reads;

    public override string Spec =>
        $"mlp(hidden={Hidden},epochs={Epochs},dropout={Format(Dropout)},decay={Format(WeightDecay)},lr={Format(LearningRate)},seed={Seed}{Reads.SpecFlags})";

    public static MlpRecipe From(Dictionary<string, string?> arguments) => new(
        (int)FloatArgument(arguments, "hidden", 256), (int)FloatArgument(arguments, "epochs", 12), FloatArgument(arguments, "dropout", 0.3f),
        FloatArgument(arguments, "decay", 1e-4f), FloatArgument(arguments, "lr", 1e-3f), (int)FloatArgument(arguments, "seed", 1), HeadInputs.From(arguments));

    public override HeadModel Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights = null)
    {
        var standardiser = Standardiser.Fit(features);
        var x = standardiser.Apply(features);
        var rowWeights = RowLossWeights(labels, classes, weights);
        var inputs = x[0].Length;
        var random = new Random(Seed);
        var hidden = new AdamLayer(inputs, Hidden, random);
        var output = new AdamLayer(Hidden, classes, random);

        var order = Enumerable.Range(0, x.Length).ToArray();
        var activation = new float[Hidden];
        var mask = new float[Hidden];
        var hiddenGradient = new float[Hidden];
        var logits = new float[classes];
        var keep = 1f - Dropout;
        var step = 0;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                var end = Math.Min(start + BatchSize, order.Length);
                for (var n = start; n < end; n++)
                {
                    var row = x[order[n]];
                    var label = labels[order[n]];
                    hidden.Forward(row, activation);
                    for (var j = 0; j < Hidden; j++)
                    {
                        // Inverted dropout: scale kept units at training time, so inference needs no change.
                        mask[j] = random.NextSingle() < keep ? 1f / keep : 0f;
                        activation[j] = MathF.Max(0, activation[j]) * mask[j];
                    }

                    output.Forward(activation, logits);
                    VectorMath.SoftmaxInPlace(logits);
                    var weight = rowWeights[order[n]] / (end - start);
                    for (var c = 0; c < classes; c++)
                    {
                        logits[c] = (logits[c] - (c == label ? 1f : 0f)) * weight;
                    }

                    output.Backward(activation, logits, hiddenGradient);
                    for (var j = 0; j < Hidden; j++)
                    {
                        hiddenGradient[j] = activation[j] > 0 ? hiddenGradient[j] * mask[j] : 0f;
                    }

                    hidden.Backward(row, hiddenGradient, inputGradient: null);
                }

                step++;
                hidden.Step(LearningRate, WeightDecay, step);
                output.Step(LearningRate, WeightDecay, step);
            }
        }

        var network = new DenseNetwork([hidden.ToLayer(relu: true), output.ToLayer(relu: false)]);
        return new HeadModel([network.WithStandardisedInput(standardiser.Mean, standardiser.Scale)], Reads);
    }

    /// <summary>A dense layer with its gradient accumulators and Adam moments.</summary>
    private sealed class AdamLayer
    {
        private const float Beta1 = 0.9f;
        private const float Beta2 = 0.999f;
        private readonly int inputs;
        private readonly int outputs;
        private readonly float[] weights;
        private readonly float[] bias;
        private readonly float[] weightGradient;
        private readonly float[] biasGradient;
        private readonly float[] m;
        private readonly float[] v;
        private readonly float[] biasM;
        private readonly float[] biasV;

        public AdamLayer(int inputs, int outputs, Random random)
        {
            (this.inputs, this.outputs) = (inputs, outputs);
            weights = new float[inputs * outputs];
            // He-uniform initialisation suits ReLU layers.
            var limit = MathF.Sqrt(6f / inputs);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = ((random.NextSingle() * 2) - 1) * limit;
            }

            bias = new float[outputs];
            weightGradient = new float[weights.Length];
            biasGradient = new float[outputs];
            m = new float[weights.Length];
            v = new float[weights.Length];
            biasM = new float[outputs];
            biasV = new float[outputs];
        }

        public void Forward(ReadOnlySpan<float> input, Span<float> output)
        {
            for (var o = 0; o < outputs; o++)
            {
                output[o] = VectorMath.Dot(weights.AsSpan(o * inputs, inputs), input) + bias[o];
            }
        }

        public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
        {
            inputGradient.Clear();
            for (var o = 0; o < outputs; o++)
            {
                var g = outputGradient[o];
                if (g == 0)
                {
                    continue;
                }

                biasGradient[o] += g;
                VectorMath.AddScaled(weightGradient.AsSpan(o * inputs, inputs), input, g);
                if (!inputGradient.IsEmpty)
                {
                    VectorMath.AddScaled(inputGradient, weights.AsSpan(o * inputs, inputs), g);
                }
            }
        }

        public void Step(float learningRate, float weightDecay, int step)
        {
            var correction1 = 1 - MathF.Pow(Beta1, step);
            var correction2 = 1 - MathF.Pow(Beta2, step);
            Update(weights, weightGradient, m, v, learningRate, weightDecay, correction1, correction2);
            Update(bias, biasGradient, biasM, biasV, learningRate, 0, correction1, correction2);
        }

        private static void Update(float[] values, float[] gradient, float[] m, float[] v, float learningRate, float weightDecay, float correction1, float correction2)
        {
            for (var i = 0; i < values.Length; i++)
            {
                m[i] = (Beta1 * m[i]) + ((1 - Beta1) * gradient[i]);
                v[i] = (Beta2 * v[i]) + ((1 - Beta2) * gradient[i] * gradient[i]);
                values[i] -= learningRate * (((m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + 1e-8f)) + (weightDecay * values[i]));
                gradient[i] = 0;
            }
        }

        public DenseLayer ToLayer(bool relu) => new(inputs, outputs, (float[])weights.Clone(), (float[])bias.Clone(), relu);
    }
}
