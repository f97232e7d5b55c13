namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>
/// Negative is not offensive: plain complaints, issue #20's own among them, stay below the offensive head's documented
/// threshold, and insults are above it, on the package an empty registry promotes.
/// </summary>
public sealed class ComplaintsAndInsultsTests(NewestPackageScorerFixture fixture) : IClassFixture<NewestPackageScorerFixture>
{
    public static readonly TheoryData<string> Insults =
    [
        "You are a disgusting idiot, get lost",
        "shut up you stupid moron",
        "you are a pathetic loser and everyone hates you",
        "fuck you and your shitty company",
        "what a dumb bitch",
        "go to hell you worthless piece of shit",
    ];

    [Theory]
    [InlineData("worst service ever")]
    [InlineData("I hate mondays")]
    [InlineData("this phone is terrible, battery dies in an hour")]
    [InlineData("I am disappointed with the new update")]
    [InlineData("my order arrived two weeks late and nobody answered my emails")]
    [InlineData("the app keeps crashing every time I open it")]
    [InlineData("very poor quality, the strap broke after one day")]
    [InlineData("customer support was useless and the refund still has not arrived")]
    [InlineData("I regret buying this, total waste of money")]
    [InlineData("the new menu is bland and overpriced")]
    public async Task A_plain_complaint_is_not_flagged_offensive(string complaint)
    {
        var safety = (await fixture.Scorer.ScoreAsync([complaint])).Single().BrandSafety!;

        Assert.Equal(fixture.Manifest.Heads![SentimentService.OffensiveTask].Calibration!.Threshold, safety.OffensiveThreshold);
        Assert.False(safety.IsOffensive, $"p(offensive) {safety.Offensive:F3} ≥ threshold {safety.OffensiveThreshold}");
    }

    [Theory]
    [MemberData(nameof(Insults))]
    public async Task An_insult_is_flagged_offensive(string insult)
    {
        var safety = (await fixture.Scorer.ScoreAsync([insult])).Single().BrandSafety!;

        Assert.True(safety.IsOffensive, $"p(offensive) {safety.Offensive:F3} < threshold {safety.OffensiveThreshold}");
    }
}
