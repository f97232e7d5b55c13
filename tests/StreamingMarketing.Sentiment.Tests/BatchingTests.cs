namespace StreamingMarketing.Sentiment.Tests;

public sealed class BatchingTests : IClassFixture<ScorerFixture>
{
    private readonly SentimentService scorer;

    public BatchingTests(ScorerFixture fixture) => scorer = fixture.Scorer;

    [Fact]
    public async Task Batched_results_equal_single_text_results_within_1e5()
    {
        var singles = new List<SentimentPrediction>();
        foreach (var text in SampleTexts.Tweets)
        {
            singles.Add((await scorer.ScoreAsync([text])).Single());
        }

        var batched = await scorer.ScoreAsync(SampleTexts.Tweets);

        Assert.Equal(singles.Count, batched.Count);
        for (var i = 0; i < singles.Count; i++)
        {
            Assert.Equal(singles[i].Label, batched[i].Label);
            Assert.Equal(singles[i].Probabilities.Negative, batched[i].Probabilities.Negative, 1e-5);
            Assert.Equal(singles[i].Probabilities.Neutral, batched[i].Probabilities.Neutral, 1e-5);
            Assert.Equal(singles[i].Probabilities.Positive, batched[i].Probabilities.Positive, 1e-5);
        }
    }

    [Fact]
    public async Task Concurrent_single_requests_are_answered_in_their_own_order()
    {
        var expected = await scorer.ScoreAsync(SampleTexts.Tweets);

        var concurrent = await Task.WhenAll(SampleTexts.Tweets.Select(text => scorer.ScoreAsync([text])));

        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Score, concurrent[i].Single().Score, 1e-5);
        }
    }

    [Fact]
    public async Task Scores_are_positive_minus_negative_probability_and_probabilities_sum_to_one()
    {
        var results = await scorer.ScoreAsync(SampleTexts.Tweets);

        Assert.All(results, r =>
        {
            Assert.Equal(r.Probabilities.Positive - r.Probabilities.Negative, r.Score, 1e-9);
            Assert.Equal(1.0, r.Probabilities.Negative + r.Probabilities.Neutral + r.Probabilities.Positive, 1e-4);
            Assert.Contains(r.Label, SentimentService.SentimentLabels);
        });
    }

    [Fact]
    public async Task Clear_sentiment_gets_the_obvious_label()
    {
        var results = await scorer.ScoreAsync(["I love this, best day ever!", "This is the worst service, I hate it."]);

        Assert.Equal("positive", results[0].Label);
        Assert.Equal("negative", results[1].Label);
    }

    [Fact]
    public void Reports_the_serving_model_and_provider()
    {
        Assert.True(scorer.IsReady);
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
        Assert.Equal(SentimentService.SentimentLabels, scorer.CurrentModel?.Labels);
        Assert.True(scorer.CurrentModel?.Validation.MacroRecall >= 0.66);
        Assert.Equal(EncoderSessionFactory.CpuProvider, scorer.ExecutionProvider);
    }
}
