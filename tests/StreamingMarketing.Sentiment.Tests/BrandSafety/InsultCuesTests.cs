namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>
/// The insult cues a brand-safety head reads beside the embedding: listed words and phrases found through the
/// spellings that hide them, and an address ("you") with the profanity or negativity near it.
/// </summary>
public sealed class InsultCuesTests
{
    [Theory]
    [InlineData("the service was slow and the food was cold", 0)]
    [InlineData("what a load of bullshit", 1)]
    [InlineData("#bullshit!!", 1)]
    [InlineData("fuck this shit", 2)]
    [InlineData("stop being such a b!tch", 1)]
    [InlineData("he is a total BASTARD", 1)]
    [InlineData("that was a blow job of a review", 2)]
    [InlineData("a classic assessment of the class", 0)]
    public void Counts_listed_words_and_phrases(string text, int profane)
    {
        var cues = Score(text);
        Assert.Equal(MathF.Log(1 + profane), cues[0], 5);
    }

    [Fact]
    public void Profanity_aimed_at_the_reader_is_marked_as_aimed()
    {
        var aimed = Score("fuck you and your company");
        Assert.Equal([1f, 1f], aimed[1..3]);

        var unaimed = Score("fuck, the train is late again");
        Assert.Equal([0f, 0f], unaimed[1..3]);

        var distant = Score("you said the meeting would start at noon but the damn bus never came");
        Assert.Equal([1f, 0f], distant[1..3]);
    }

    [Fact]
    public void A_negative_word_near_an_address_is_an_insult_cue_and_a_complaint_is_not()
    {
        var insult = Score("you are a stupid idiot");
        var complaint = Score("this phone is terrible, battery dies in an hour");

        Assert.InRange(insult[3], 0.5f, 1f);
        Assert.Equal(0f, complaint[3]);
        Assert.Equal(0f, complaint[1]);
    }

    [Fact]
    public void Empty_and_symbol_only_texts_have_no_cues()
    {
        Assert.Equal(new float[InsultCues.Count], Score(""));
        Assert.Equal(new float[InsultCues.Count], Score("!!! ??? ..."));
    }

    private static float[] Score(string text)
    {
        var cues = new float[InsultCues.Count];
        InsultCues.Score(text, cues);
        return cues;
    }
}
