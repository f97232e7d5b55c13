namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>
/// Trait values for tests that load LibTorch (TorchSharp-cpu 0.107.0 needs GLIBCXX_3.4.32, newer than Debian 12's):
/// they run inside the Debian 13 root, `training/debian13/run.sh dotnet test ... --filter Needs=Debian13Root`,
/// which `.ci/run` does; the plain solution run filters them out with `Needs!=Debian13Root`.
/// </summary>
public static class Debian13Root
{
    public const string Trait = "Needs";
    public const string Value = "Debian13Root";
}
