using MathNet.Numerics.LinearAlgebra;

namespace StreamingMarketing.Recommend.Training;

/// <summary>
/// The knobs of <see cref="ImplicitAls"/>. The default λ is large beside the confidences (1 + αr, up to ~50 here)
/// because users have tens of interactions, not hundreds: a small λ lets 32 factors memorise them (measured in
/// docs/recommendations.md).
/// </summary>
public sealed record AlsSettings(int Factors = 32, int Iterations = 12, double Regularization = 20, double Alpha = 10, int Seed = 7);

/// <summary>
/// Implicit-feedback alternating least squares: Y. Hu, Y. Koren, C. Volinsky, "Collaborative Filtering for Implicit
/// Feedback Datasets", ICDM 2008. Each observed weight r becomes a preference p = 1 with confidence c = 1 + αr; every
/// unobserved cell is a preference 0 with confidence 1. Alternating exact solves minimise
/// Σ c_ui (p_ui − x_uᵀy_i)² + λ(Σ‖x_u‖² + Σ‖y_i‖²), each in O(n_u k² + k³) per user thanks to the paper's
/// YᵀC^uY = YᵀY + Yᵀ(C^u − I)Y (only the user's own items change the shared YᵀY). MathNet.Numerics solves the k×k systems.
/// </summary>
public static class ImplicitAls
{
    public static (double[][] Users, double[][] Items) Fit(InteractionSet set, AlsSettings settings, CancellationToken cancellationToken = default)
    {
        var k = settings.Factors;
        var random = new Random(settings.Seed);
        double[][] Init(int count) => [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, k).Select(_ => (random.NextDouble() - 0.5) * 0.1).ToArray())];
        var users = Init(set.Users.Count);
        var items = Init(set.Items.Count);

        // The transpose: per item, the users that interacted with it and their weights.
        var columns = Enumerable.Range(0, set.Items.Count).Select(_ => new List<(int User, double Weight)>()).ToArray();
        for (var u = 0; u < set.Rows.Count; u++)
        {
            foreach (var (i, cell) in set.Rows[u])
            {
                columns[i].Add((u, cell.Weight));
            }
        }

        var rows = set.Rows.Select(r => r.Select(pair => (pair.Key, pair.Value.Weight)).ToList()).ToArray();
        for (var iteration = 0; iteration < settings.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SolveAll(users, items, rows, settings);
            SolveAll(items, users, columns, settings);
        }

        return (users, items);
    }

    /// <summary>Solves every row of <paramref name="target"/> against the fixed <paramref name="fixedFactors"/>.</summary>
    private static void SolveAll(double[][] target, double[][] fixedFactors, IReadOnlyList<List<(int Other, double Weight)>> observed, AlsSettings settings)
    {
        var gram = Gram(fixedFactors, settings.Factors);
        Parallel.For(0, target.Length, row => target[row] = Solve(gram, fixedFactors, observed[row], settings));
    }

    /// <summary>YᵀY.</summary>
    public static Matrix<double> Gram(double[][] factors, int k)
    {
        var gram = Matrix<double>.Build.Dense(k, k);
        foreach (var y in factors)
        {
            for (var a = 0; a < k; a++)
            {
                for (var b = a; b < k; b++)
                {
                    gram[a, b] += y[a] * y[b];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < a; b++)
            {
                gram[a, b] = gram[b, a];
            }
        }

        return gram;
    }

    /// <summary>
    /// x = (YᵀY + Yᵀ(C − I)Y + λI)⁻¹ YᵀC p for one user (or item) with the given observed cells: the paper's eq. (4).
    /// </summary>
    public static double[] Solve(Matrix<double> gram, double[][] fixedFactors, List<(int Other, double Weight)> observed, AlsSettings settings)
    {
        var system = WeightedSystem(gram, fixedFactors, observed, settings);
        var rhs = Vector<double>.Build.Dense(settings.Factors);
        foreach (var (other, weight) in observed)
        {
            var c = 1 + settings.Alpha * weight;
            var y = fixedFactors[other];
            for (var a = 0; a < y.Length; a++)
            {
                rhs[a] += c * y[a];
            }
        }

        return system.Cholesky().Solve(rhs).ToArray();
    }

    /// <summary>YᵀC^uY + λI: also what the explanation of a recommendation needs (<see cref="Model.FactorModel.Explain"/>).</summary>
    public static Matrix<double> WeightedSystem(Matrix<double> gram, double[][] fixedFactors, List<(int Other, double Weight)> observed, AlsSettings settings)
    {
        var k = settings.Factors;
        var system = gram.Clone();
        foreach (var (other, weight) in observed)
        {
            var extra = settings.Alpha * weight;
            var y = fixedFactors[other];
            for (var a = 0; a < k; a++)
            {
                var ya = extra * y[a];
                for (var b = 0; b < k; b++)
                {
                    system[a, b] += ya * y[b];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            system[a, a] += settings.Regularization;
        }

        return system;
    }
}
