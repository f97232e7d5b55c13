namespace StreamingMarketing.Client.Traffic;

/// <summary>Draws ranks 0..n-1 with P(k) ∝ 1/(k+1)^s: a few campaigns and users get most of the traffic, as in real life.</summary>
public sealed class Zipf
{
    private readonly double[] cumulative;
    private readonly Random random;

    public Zipf(int n, double exponent, Random random)
    {
        this.random = random;
        cumulative = new double[n];
        double sum = 0;
        for (var k = 0; k < n; k++)
        {
            sum += 1 / Math.Pow(k + 1, exponent);
            cumulative[k] = sum;
        }

        for (var k = 0; k < n; k++)
        {
            cumulative[k] /= sum;
        }
    }

    public int Next()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return index < 0 ? Math.Min(~index, cumulative.Length - 1) : index;
    }
}
