namespace StreamingMarketing.Benchmarks.Alerts;

/// <summary>
/// NAB's own detectors on the five tweet series, standard profile: the raw per-file scores NAB published in
/// github.com/numenta/NAB, results/&lt;detector&gt;/&lt;detector&gt;_standard_scores.csv (column Score), each at the
/// threshold NAB optimised for that detector over the whole corpus. Summed over these five files and normalised with
/// the same bounds as the rules here, they sit in the same table.
/// </summary>
internal static class NabPublished
{
    public static readonly (string Detector, string Source, Dictionary<string, double> Raw)[] Detectors =
    [
        ("Numenta HTM", "results/numenta/numenta_standard_scores.csv", new()
        {
            ["AAPL"] = 1.20961375717, ["AMZN"] = 0.942803797348, ["CRM"] = 0.7195824617, ["CVS"] = 2.30919888007, ["FB"] = 1.38958392964,
        }),
        ("Twitter ADVec", "results/twitterADVec/twitterADVec_standard_scores.csv", new()
        {
            ["AAPL"] = 0.168754760401, ["AMZN"] = 1.66857084231, ["CRM"] = 1.78269616239, ["CVS"] = 1.65368206139, ["FB"] = -0.146901241,
        }),
        ("Windowed Gaussian", "results/windowedGaussian/windowedGaussian_standard_scores.csv", new()
        {
            ["AAPL"] = 1.5139968362565832, ["AMZN"] = 1.5584829945714498, ["CRM"] = 0.7638457640937151, ["CVS"] = 0.77368206139354, ["FB"] = 0.11975027819081463,
        }),
    ];
}
